package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `yaml refactor` removes columns the catalog lacks (as dbt-osmosis does), but never without naming them, never
 * more than the column (a commented-out block beside it stays), and with --keep-documented-columns not at all when
 * a person wrote something on them.
 *
 * <table>
 * <caption>Hard cases</caption>
 * <tr><th>case</th><th>where</th><th>what must hold</th></tr>
 * <tr><td>a removed column with a test</td><td>shopverse stg_payments.payment_status</td><td>named with the start
 * of its description and "tests: accepted_values"; the count equals the lines listed</td></tr>
 * <tr><td>--keep-documented-columns</td><td>shopverse; hand-made</td><td>documented columns (description, tests,
 * constraints, meta, tags) stay; a bare name/data_type column still goes</td></tr>
 * <tr><td>commented-out columns above the removed last column, set apart by a blank line</td><td>hand-made
 * (adventureworks dim_Products.yml)</td><td>the comment block stays; the comment directly above the column
 * goes with it</td></tr>
 * <tr><td>blank-line groups</td><td>hand-made; golden reorder_grouped_columns</td><td>the columns keep the
 * author's order, with a warning saying why</td></tr>
 * <tr><td>removal patterns</td><td>golden remove_columns_keeps_detached_comments</td><td>last of a group, first,
 * only column, trailing deeper comments</td></tr>
 * </table>
 */
class RefactorRemovalTest {
    private static final Pattern REMOVED = Pattern.compile("removed (\\d+) columns? the catalog lacks");
    @TempDir Path tmp;

    @Test
    void everyRemovedColumnIsNamedWithItsDescriptionAndTests() throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        CliHarness.Result r = CliHarness.run("yaml", "refactor", "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        Matcher m = REMOVED.matcher(r.err());
        assertTrue(m.find(), r.err());
        List<String> listed = r.err().lines().filter(l -> l.startsWith("  stg_")).toList();
        assertEquals(Integer.parseInt(m.group(1)), listed.size(), r.err());
        assertTrue(r.err().contains(m.group(1) + " columns removed"), "the summary agrees: " + r.err());
        assertTrue(listed.contains("  stg_payments.payment_status \"Status of the payment; expected to be "
                + "'Success'.\" (tests: accepted_values)"), r.err());
        assertTrue(r.err().contains("(keep documented ones with --keep-documented-columns)"), r.err());
        assertFalse(Files.readString(root.resolve("models/silver/schema.yml")).contains("name: payment_status"));
    }

    @Test
    void keepDocumentedColumnsKeepsWhatAPersonWroteAndDropsBareColumns() throws IOException {
        Path root = tmp.resolve("p");
        writeProject(root, """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: id
                      - name: legacy_code
                        description: Code from the old billing system, kept until the migration ends.
                      - name: checked
                        data_tests: [not_null]
                      - name: owned
                        meta: {owner: finance}
                      - name: bare
                        data_type: varchar
                      - name: placeholder
                        description: Pending further documentation
                """);

        CliHarness.Result r = CliHarness.run("yaml", "refactor", "--keep-documented-columns", "--project-dir",
                root.toString());

        assertEquals(0, r.exitCode(), r.err());
        String yaml = Files.readString(root.resolve("models/schema.yml"));
        for (String kept : List.of("legacy_code", "checked", "owned")) {
            assertTrue(yaml.contains("- name: " + kept), kept + " is documented: " + yaml);
        }
        assertFalse(yaml.contains("name: bare"), yaml);
        assertFalse(yaml.contains("name: placeholder"), "a placeholder is not documentation: " + yaml);
        assertTrue(r.err().contains("removed 2 columns the catalog lacks:\n  orders.bare\n  orders.placeholder\n"),
                r.err());
    }

    @Test
    void aCommentedOutBlockBesideTheRemovedColumnStays() throws IOException {
        Path root = tmp.resolve("p");
        String commented = """
                      # - name: product_subcategory_key
                      #   description: Subcategory
                      # - name: product_category_key
                """;
        writeProject(root, """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: id

                """ + commented + """

                      # gone with the column
                      - name: bare
                """);

        CliHarness.Result r = CliHarness.run("yaml", "refactor", "--skip-add-columns", "--skip-add-data-types",
                "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        String yaml = Files.readString(root.resolve("models/schema.yml"));
        assertTrue(yaml.contains("      - name: id\n\n" + commented), yaml);
        assertFalse(yaml.contains("gone with the column"), yaml);
        assertFalse(yaml.contains("name: bare"), yaml);
        assertTrue(r.err().contains("removed 1 column the catalog lacks:\n  orders.bare\n"), r.err());
    }

    @Test
    void columnsGroupedByBlankLinesKeepTheAuthorsOrder() throws IOException {
        Path root = tmp.resolve("p");
        String yaml = """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: id
                      - name: checked

                      - name: legacy_code
                      - name: owned
                """;
        writeProject(root, yaml);

        CliHarness.Result r = CliHarness.run("yaml", "refactor", "--skip-add-data-types", "--project-dir",
                root.toString());

        assertEquals(yaml, Files.readString(root.resolve("models/schema.yml")));
        assertTrue(r.err().contains("left model orders column order unchanged: its columns are grouped"), r.err());
        assertFalse(r.err().contains("1 node re-sorted"), "a refused re-sort is not counted: " + r.err());
    }

    /** A model whose catalog has id, legacy_code, checked, owned (in that order) and lacks the other columns. */
    private static void writeProject(Path root, String schemaYaml) throws IOException {
        Files.createDirectories(root.resolve("models"));
        Path spec = root.resolve("case.json");
        Files.writeString(spec, """
                {"nodes": {"model.p.orders": {"file": "models/orders.sql"}},
                 "catalog": {"model.p.orders": ["id bigint", "legacy_code text", "checked text", "owned text"]}}
                """);
        GoldenProject.write(spec, root, "name: p\n");
        Files.writeString(root.resolve("models/schema.yml"), schemaYaml);
    }
}
