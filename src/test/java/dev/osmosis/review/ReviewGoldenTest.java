package dev.osmosis.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.OsmosisException;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.YamlEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under golden-review/ holds input.yml, review.json and expected.yml. review.json:
 * {"action": "accept"|"reject", "select": ["orders", "orders.id"], "all": false, "mark_key": ..., "review_key": ...}.
 * The decision on the input gives exactly the expected text, and deciding again changes nothing (what was decided
 * no longer awaits review).
 */
class ReviewGoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden-review");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    static Stream<String> cases() throws IOException {
        return dev.osmosis.testing.TestProjects.caseFolders(ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesEditingOnlyTheLinesConcerned(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        JsonNode spec = JSON.readTree(dir.resolve("review.json").toFile());
        ReviewKeys keys = new ReviewKeys(spec.path("mark_key").asText(ReviewKeys.DEFAULT_MARK_KEY),
                spec.path("review_key").asText(ReviewKeys.DEFAULT_REVIEW_KEY));
        Path file = tmp.resolve("models/schema.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Files.readString(dir.resolve("input.yml"), StandardCharsets.UTF_8));
        String expected = Files.readString(dir.resolve("expected.yml"), StandardCharsets.UTF_8);

        String once = decide(spec, keys, file);
        assertEquals(expected, once, name);
        Files.writeString(file, once);
        assertEquals(expected, decide(spec, keys, file), name + ": a second decision changes nothing");
    }

    private String decide(JsonNode spec, ReviewKeys keys, Path file) {
        SchemaFiles files = SchemaFiles.load(tmp, List.of(tmp.resolve("models")), List.of());
        SchemaFile parsed = files.fileOrEmpty(file);
        List<Node> nodes = parsed.entries().stream().map(ReviewGoldenTest::node).toList();
        List<ReviewItem> items = new ReviewScan(keys, Placeholders.DEFAULT).scan(nodes, files);
        List<String> selectors = new ArrayList<>();
        spec.path("select").forEach(s -> selectors.add(s.asText()));
        ReviewRun.Request request = new ReviewRun.Request(ReviewRun.Action.valueOf(spec.path("action").asText()),
                selectors, spec.path("all").asBoolean(), ReviewFormat.Kind.text, null, false, DAY);
        ReviewSelection.Result chosen = ReviewSelection.choose(selectors, request.all(),
                ReviewRun.decidable(request, items),
                selector -> nodes.stream().filter(n -> n.name().equals(selector)).findFirst()
                        .map(n -> Set.of(n.uniqueId())).orElseThrow(() -> OsmosisException.usage(selector)),
                (ids, column) -> true);
        Map<Path, List<YamlEdit>> edits = request.action() == ReviewRun.Action.accept
                ? ReviewEdits.accept(chosen.chosen(), keys, DAY) : ReviewEdits.reject(chosen.chosen(), keys);
        ReviewChanges.Result result = ReviewChanges.apply(files, edits);
        assertTrue(result.refused().isEmpty(), result.refused().toString());
        return result.files().isEmpty() ? parsed.text() : result.files().get(0).after();
    }

    private static Node node(SchemaEntry e) {
        return new Node("model.p." + e.name(), ResourceType.MODEL, "p", e.name(), null, "models/" + e.name() + ".sql",
                "models/schema.yml", "", List.of(), Map.of(), List.of(), List.of(), "", "", "view",
                List.of("p", e.name()), null, null, null, true);
    }
}
