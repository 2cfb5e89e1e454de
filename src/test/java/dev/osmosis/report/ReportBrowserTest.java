package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.bench.SyntheticProject;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The report as a person sees it: real headless Chromium opening the written file from disk. */
class ReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    /**
     * shopverse after a synthesis against a fake LLM, one AI-written description accepted by hand and the
     * manifest refreshed (as `dbt parse` would), so every provenance shows up and coverage reads the same YAML.
     */
    private Path synthesizedShopverse(Map<String, String> env) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        CliHarness.Result run = CliHarness.run(env, "yaml", "document", "--synthesize", "--project-dir",
                root.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> files = Files.walk(root.resolve("models"))) {
            Path first = files.filter(p -> p.toString().endsWith(".yml")).sorted()
                    .filter(p -> read(p).contains("osmosis_generated: true")).findFirst().orElseThrow();
            Files.writeString(first, read(first).replaceFirst("(?m)^( *)osmosis_generated: true$",
                    "$1osmosis_generated: true\n$1osmosis_reviewed: '2026-12-01'"));
        }
        ReportProjects.refreshManifest(root);
        return root;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * "node column" of every documented YAML column marked as generated and not yet reviewed, read directly, and
     * "node model description" of every such node description.
     */
    private static Set<String> awaitingReview(Path root) {
        Project project = ProjectDocs.load(root);
        DocState state = ProjectDocs.read(project);
        Set<String> out = new HashSet<>();
        for (Node node : project.manifest().nodes().values()) {
            NodeDocs docs = state.docs().get(node.uniqueId());
            if (!project.isOwn(node) || state.entry(node.uniqueId()).isEmpty()) {
                continue;
            }
            if (Boolean.TRUE.equals(docs.meta().get("osmosis_generated")) && !docs.meta().containsKey("osmosis_reviewed")
                    && !docs.description().isBlank()) {
                out.add(node.displayName() + " " + node.resourceType().label() + " description");
            }
            for (ColumnDocs c : docs.columns()) {
                if (Boolean.TRUE.equals(c.meta().get("osmosis_generated")) && !c.meta().containsKey("osmosis_reviewed")
                        && !c.description().isBlank()) {
                    out.add(node.displayName() + " " + c.name());
                }
            }
        }
        return out;
    }

    @Test
    void totalsMatchCoverageTheAiFilterShowsExactlyTheAiRowsAndThePageFetchesNothing() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            Path root = synthesizedShopverse(env);
            Path page = tmp.resolve("report.html");
            CliHarness.Result report = CliHarness.run(env, "report", "--project-dir", root.toString(), "--output",
                    page.toString());
            assertEquals(0, report.exitCode(), report.err());
            JsonNode coverage = JSON.readTree(CliHarness.run("coverage", "--project-dir", root.toString(),
                    "--format", "json").out()).get("total");
            Set<String> expectedAi = awaitingReview(root);
            assertTrue(expectedAi.size() > 10, "the synthesis wrote AI text: " + expectedAi);

            try (HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("chromium-profile"))) {
                chromium.open(page);
                ChromeDriver d = chromium.driver();
                assertEquals(coverage.get("nodes").asInt(), number(d, "#total-nodes .whole"));
                assertEquals(coverage.get("documentedNodes").asInt(), number(d, "#total-nodes .part"));
                assertEquals(coverage.get("columns").asInt(), number(d, "#total-columns .whole"));
                assertEquals(coverage.get("documentedColumns").asInt(), number(d, "#total-columns .part"));
                int documented = coverage.get("documentedNodes").asInt() + coverage.get("documentedColumns").asInt();
                int all = coverage.get("nodes").asInt() + coverage.get("columns").asInt();
                assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", Math.round(1000.0 * documented / all) / 10.0),
                        d.findElement(By.cssSelector("#total-overall .value")).getText());
                assertEquals(coverage.get("nodes").asInt() + coverage.get("columns").asInt(), rowCount(d),
                        "unfiltered, the table has every node description and every column");
                screenshot(d, "target/report-screenshot.png");

                d.findElement(By.id("legend-ai-awaiting")).click();
                assertEquals("ai-awaiting", d.findElement(By.id("filter-provenance")).getDomProperty("value"));
                assertEquals(expectedAi.size(), rowCount(d));
                assertEquals(rowCount(d), number(d, "#legend-ai-awaiting .count"), "the legend counts what it lists");
                assertEquals(expectedAi, visibleRows(d, "ai-awaiting"));
                assertTrue(expectedAi.stream().anyMatch(r -> r.endsWith(" model description")),
                        "AI-written model descriptions are rows too: " + expectedAi);

                WebElement columnHeading = d.findElement(By.cssSelector("th[data-sort=column]"));
                columnHeading.click();
                List<String> ascending = columnCells(d);
                columnHeading.click();
                List<String> descending = columnCells(d);
                assertEquals("descending", columnHeading.getDomAttribute("aria-sort"));
                assertEquals(ascending.get(ascending.size() - 1), descending.get(0), "sorting flips");
                assertEquals(new java.util.TreeSet<>(ascending), new java.util.TreeSet<>(descending));

                assertEquals(List.of(), chromium.resourceLoads(), "the page loads nothing");
                assertTrue(d.getCurrentUrl().startsWith("file:"), d.getCurrentUrl());
                String policy = d.findElement(By.cssSelector("meta[http-equiv=Content-Security-Policy]"))
                        .getDomAttribute("content");
                assertTrue(policy.startsWith("default-src 'none';"), policy);
                assertEquals(List.of(), chromium.consoleProblems().stream().map(Object::toString).toList());
                assertTrue(d.findElements(By.cssSelector("#usage-table tbody tr")).size() >= 1,
                        "the synthesis run shows in the LLM usage");
            }
        }
    }

    @Test
    void twoThousandModelsStayUsablePageByPage() throws Exception {
        Path root = tmp.resolve("synthetic");
        new SyntheticProject(2000, 13).write(root);
        Path page = tmp.resolve("big.html");
        CliHarness.Result report = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "report",
                "--project-dir", root.toString(), "--output", page.toString());
        assertEquals(0, report.exitCode(), report.err());
        int columns = ReportPage.data(page).get("rows").size();
        assertTrue(columns > 40_000, "rows: " + columns);

        try (HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("chromium-profile"))) {
            chromium.open(page);
            ChromeDriver d = chromium.driver();
            d.manage().window().setSize(new Dimension(1400, 1200));
            screenshot(d, "target/report-many-folders-1400.png");
            int folders = ReportPage.data(page).get("folders").size();
            assertTrue(folders > 40, "folders: " + folders);
            assertEquals(folders, d.findElements(By.cssSelector(".folder-row")).size(), "every folder is listed");
            assertTrue(d.findElement(By.id("search")).getRect().getY() < 900,
                    "the search stays near the top above " + folders + " folders");
            assertEquals(columns, rowCount(d));
            assertEquals(100, d.findElements(By.cssSelector("#columns tbody tr")).size(), "one page in the DOM");
            String firstRow = d.findElement(By.cssSelector("#columns tbody tr")).getText();
            d.findElement(By.id("next-page")).click();
            assertTrue(d.findElement(By.id("page-info")).getText().startsWith("rows 101\u2013200"));
            assertTrue(!firstRow.equals(d.findElement(By.cssSelector("#columns tbody tr")).getText()));

            d.findElement(By.id("search")).sendKeys("FCT_1");
            HeadlessChromium.waitFor("the search to filter", Duration.ofSeconds(30), () -> rowCount(d) < columns);
            int found = rowCount(d);
            assertTrue(found > 0, "marts exist");
            assertEquals(Math.min(found, 100), d.findElements(By.cssSelector("#columns tbody tr")).size());
            for (WebElement row : d.findElements(By.cssSelector("#columns tbody tr"))) {
                assertTrue(row.getText().toLowerCase(java.util.Locale.ROOT).contains("fct_1"), row.getText());
            }
            assertEquals(List.of(), chromium.consoleProblems().stream().map(Object::toString).toList());
        }
    }

    /**
     * The hard cases of the layout, in the chain project ({@link ReportProjects#chain}):
     * <table>
     * <tr><th>case</th><th>what must hold at 1400 px and 600 px</th></tr>
     * <tr><td>a 63-character model name, a long YAML path</td><td>wraps only after _ and /, never inside a
     * word, and stays inside its cell</td></tr>
     * <tr><td>a 72-character folder</td><td>its label shows in full: no ellipsis, nothing cut</td></tr>
     * <tr><td>a folder whose nodes have no columns</td><td>"no columns", not "100.0% of 0"</td></tr>
     * <tr><td>a doc block holding &lt;script&gt;</td><td>shown as text; the page still runs two scripts</td></tr>
     * </table>
     */
    @Test
    void nodeDescriptionsInheritedAiTextDocBlocksAndTheLayoutAtTwoWidths() throws Exception {
        Path root = ReportProjects.chain(tmp.resolve("p"));
        ReportProjects.commentNoteInWarehouse(root);
        ReportProjects.persistFctDocs(root);
        Path page = tmp.resolve("chain.html");
        CliHarness.Result report = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "report",
                "--project-dir", root.toString(), "--output", page.toString());
        assertEquals(0, report.exitCode(), report.err());
        try (HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("chromium-profile"))) {
            chromium.open(page);
            ChromeDriver d = chromium.driver();
            for (int width : new int[] {1400, 600}) {
                d.manage().window().setSize(new Dimension(width, 1200));
                d.navigate().refresh();
                screenshot(d, "target/report-layout-" + width + ".png");
                chromium.script("arguments[0].scrollIntoView()", d.findElement(By.cssSelector(
                        "td.name[title='model.p." + ReportProjects.LONG_NAME + "']")));
                screenshot(d, "target/report-layout-" + width + "-long-names.png");
                List<String> breaks = midWordBreaks(chromium);
                assertEquals(List.of(), breaks, "at " + width + " px");
                assertTrue(d.findElements(By.cssSelector("td.name wbr")).size() > 0, "names can wrap at _");
                WebElement folder = d.findElement(By.cssSelector(
                        ".folder-row[data-folder='" + ReportProjects.LONG_FOLDER + "']"));
                WebElement label = folder.findElement(By.className("folder-name"));
                assertEquals(ReportProjects.LONG_FOLDER, label.getText().replace("\n", ""), "at " + width + " px");
                assertTrue(fits(chromium, label), "the folder label fits its box at " + width + " px");
                assertEquals("no columns", folder.findElement(By.className("folder-pct")).getText());
                assertTrue(!d.findElement(By.id("folder-chart")).getText().contains("\u2026"));
                assertTrue(!d.findElement(By.id("folder-chart")).getText().contains(" of 0"));
                assertTrue(d.findElement(By.id("search")).getRect().getY() < 900,
                        "the search is near the top at " + width + " px");
            }
            d.manage().window().setSize(new Dimension(1400, 1200));
            d.navigate().refresh();

            d.findElement(By.cssSelector("#filter-kind option[value=node]")).click();
            assertEquals(4, rowCount(d), "one row per node description");
            WebElement stg = row(d, "stg", "model description");
            assertEquals("ai-awaiting", stg.getDomAttribute("data-provenance"));
            assertTrue(stg.getText().contains("Orders, cleaned."), stg.getText());
            d.findElement(By.cssSelector("#filter-kind option[value='']")).click();

            d.findElement(By.id("search")).sendKeys("Orders, cleaned");
            HeadlessChromium.waitFor("the search to filter", Duration.ofSeconds(10), () -> rowCount(d) == 1);
            d.findElement(By.id("search")).clear();
            d.findElement(By.id("search")).sendKeys("awaiting review");
            HeadlessChromium.waitFor("the search to filter", Duration.ofSeconds(10), () -> rowCount(d) == 3);
            WebElement status = row(d, "fct", "status");
            List<WebElement> tags = status.findElements(By.cssSelector("td.provenance .tag"));
            assertEquals(List.of("inherited", "AI-written there, awaiting review"),
                    tags.stream().map(WebElement::getText).toList());
            assertEquals("inherited from stg, AI-written there, awaiting review", tags.get(1).getDomAttribute("title"));
            d.findElement(By.id("search")).clear();
            d.findElement(By.id("search")).sendKeys("shop deleted");
            HeadlessChromium.waitFor("the search to filter", Duration.ofSeconds(10), () -> rowCount(d) == 1
                    && d.findElement(By.cssSelector("#columns tbody")).getText().contains("shop deleted"));
            WebElement deleted = row(d, "fct", "is_deleted").findElement(By.cssSelector("td.text"));
            assertEquals("True once the shop deleted the order <script>alert(1)</script>\n{{ doc(\"is_deleted\") }}",
                    deleted.getText(), "the block's text as text, the reference beside it");
            assertEquals("{{ doc(\"is_deleted\") }}", deleted.getDomAttribute("title"));
            assertEquals(0, deleted.findElements(By.tagName("script")).size());
            assertEquals(2L, chromium.script("return document.scripts.length;"), "the data and the page's script");
            d.findElement(By.id("search")).clear();
            d.findElement(By.id("search")).sendKeys("support");
            HeadlessChromium.waitFor("the search to filter", Duration.ofSeconds(10), () -> rowCount(d) == 1
                    && d.findElement(By.cssSelector("#columns tbody")).getText().contains("support"));
            assertEquals("person", row(d, "fct", "note").getDomAttribute("data-provenance"),
                    "with persist_docs the warehouse comment is dbt's copy of the person's YAML text");
            assertEquals(List.of(), chromium.consoleProblems().stream().map(Object::toString).toList());
        }
    }

    private static void screenshot(ChromeDriver d, String file) throws IOException {
        Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The row of {@code node}'s {@code column} on the current page. */
    private static WebElement row(ChromeDriver d, String node, String column) {
        return d.findElements(By.cssSelector("#columns tbody tr")).stream().filter(r -> {
            List<WebElement> cells = r.findElements(By.tagName("td"));
            return cells.get(0).getText().replace("\n", "").equals(node) && cells.get(1).getText().equals(column);
        }).findFirst().orElseThrow(() -> new AssertionError("no row " + node + " " + column));
    }

    private static boolean fits(HeadlessChromium chromium, WebElement e) {
        return (Boolean) chromium.script("return arguments[0].scrollWidth <= arguments[0].clientWidth + 1;", e);
    }

    /**
     * Every place a node name, column name or file:line (and a folder label) wraps to a new line after a letter or
     * digit, i.e. inside a word, or spills out of its cell; each as "text: where".
     */
    @SuppressWarnings("unchecked")
    private static List<String> midWordBreaks(HeadlessChromium chromium) {
        return (List<String>) chromium.script("""
                var out = [];
                document.querySelectorAll('td.name, td.file, .folder-name').forEach(function (cell) {
                  var text = cell.textContent, range = document.createRange(), top = null, offset = 0;
                  if (cell.scrollWidth > cell.clientWidth + 1) { out.push(text + ': spills out of its cell'); }
                  cell.childNodes.forEach(function (n) {
                    if (n.nodeType !== 3) { return; }
                    for (var i = 0; i < n.length; i++, offset++) {
                      range.setStart(n, i); range.setEnd(n, i + 1);
                      var y = range.getBoundingClientRect().top;
                      if (top !== null && y > top + 2 && /[A-Za-z0-9]/.test(text[offset - 1])) {
                        out.push(text + ': breaks before ' + text.slice(offset));
                      }
                      top = y;
                    }
                  });
                });
                return out;""");
    }

    @Test
    void withoutChromiumTheTestsFailAndSayWhatToInstall() {
        org.opentest4j.AssertionFailedError failure = org.junit.jupiter.api.Assertions.assertThrows(
                org.opentest4j.AssertionFailedError.class,
                () -> HeadlessChromium.requireInstalled(tmp.resolve("no-chromium"), HeadlessChromium.DRIVER));
        assertTrue(failure.getMessage().contains("apt-get install -y chromium chromium-driver"), failure.getMessage());
    }

    private static List<String> columnCells(ChromeDriver d) {
        return d.findElements(By.cssSelector("#columns tbody td:nth-child(2)")).stream().map(WebElement::getText)
                .toList();
    }

    private static int number(ChromeDriver d, String css) {
        return Integer.parseInt(d.findElement(By.cssSelector(css)).getText().replace(",", ""));
    }

    private static int rowCount(ChromeDriver d) {
        return Integer.parseInt(d.findElement(By.id("row-count")).getDomAttribute("data-count"));
    }

    /** "node column" of every row on every page, checking each row's provenance. */
    private static Set<String> visibleRows(ChromeDriver d, String provenance) {
        Set<String> out = new HashSet<>();
        d.findElement(By.id("first-page")).click();
        while (true) {
            for (WebElement row : d.findElements(By.cssSelector("#columns tbody tr"))) {
                assertEquals(provenance, row.getDomAttribute("data-provenance"), row.getText());
                List<WebElement> cells = row.findElements(By.tagName("td"));
                out.add(cells.get(0).getText().replace("\n", "") + " " + cells.get(1).getText());
            }
            WebElement next = d.findElement(By.id("next-page"));
            if (!next.isEnabled()) {
                return out;
            }
            next.click();
        }
    }
}
