package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real schema files: every models/ YAML of the five corpus projects (copied from ../shared/corpus).
 * Parsing finds plausible entries; a no-op patch keeps the text; filling every undocumented column with "x"
 * reads back "x" and touches no other line.
 */
class CorpusYamlTest {
    static Stream<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String project : TestProjects.CORPUS) {
            out.addAll(yamlUnder(TestProjects.corpus(project).resolve("models")));
        }
        return out.stream();
    }

    private static List<Path> yamlUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void parsesAndEditsWithoutChurn(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        SchemaFile file = SchemaFile.parse(path, text);
        assertFalse(file.entries().isEmpty(), "no entries in " + path);
        assertEquals(text.contains("version:"), file.hasVersion(), path.toString());
        long nameLines = text.lines().filter(l -> l.strip().startsWith("- name:")).count();
        int columns = file.entries().stream().mapToInt(e -> e.columns().size()).sum()
                + (int) file.entries().stream().map(SchemaEntry::sourceName).filter(s -> s != null).distinct().count();
        assertTrue(file.entries().size() + columns <= nameLines,
                path + ": more entries+columns than '- name:' lines: " + nameLines);
        assertTrue(file.entries().size() + columns >= nameLines * 9 / 10,
                path + ": too few entries+columns for " + nameLines + " '- name:' lines");

        assertEquals(text, YamlPatcher.apply(file, List.of()));
        List<YamlEdit> same = new ArrayList<>();
        List<YamlEdit> fill = new ArrayList<>();
        for (SchemaEntry e : file.entries()) {
            for (SchemaColumn c : e.columns()) {
                if (declaredTwice(e, c)) {
                    continue; // refused by design: see duplicateColumnsAreRefusedNotGuessed
                }
                if (c.description() != null && !c.description().isBlank()) {
                    same.add(YamlEdit.setDescription(e.ref(), c.name(), c.description()));
                } else {
                    fill.add(YamlEdit.setDescription(e.ref(), c.name(), "x"));
                }
            }
        }
        assertEquals(text, YamlPatcher.apply(file, same), "setting equal descriptions changed " + path);

        String filled = YamlPatcher.apply(file, fill);
        SchemaFile after = SchemaFile.parse(path, filled);
        for (SchemaEntry e : after.entries()) {
            SchemaEntry before = file.find(e.ref()).orElseThrow();
            for (SchemaColumn c : e.columns()) {
                if (declaredTwice(e, c)) {
                    continue;
                }
                String old = before.column(c.name()).orElseThrow().description();
                String want = old == null || old.isBlank() ? "x" : old;
                assertEquals(want, c.description(), path + " " + e.name() + "." + c.name());
            }
        }
        List<String> a = text.lines().toList();
        List<String> b = filled.lines().toList();
        int touched = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            assertTrue(d.getType() == DeltaType.INSERT || d.getType() == DeltaType.CHANGE, path + ": " + d);
            for (String removed : d.getSource().getLines()) {
                assertTrue(removed.strip().startsWith("description:"), path + ": changed line " + removed);
            }
            for (String added : d.getTarget().getLines()) {
                assertEquals("description: x", added.strip(), path + ": unexpected new line");
                touched++;
            }
        }
        assertEquals(fill.size(), touched, path + ": one line per filled column");
        assertEquals(filled, YamlPatcher.apply(after, fill), path + ": second run changed the text");
    }

    private static boolean declaredTwice(SchemaEntry entry, SchemaColumn column) {
        return entry.columns().stream().filter(c -> c.name().equalsIgnoreCase(column.name())).count() > 1;
    }

    /** fivetran_salesforce declares opportunity_line_item_id twice in one model, with two descriptions. */
    @org.junit.jupiter.api.Test
    void duplicateColumnsAreRefusedNotGuessed() throws IOException {
        Path path = TestProjects.corpus("fivetran_salesforce").resolve("models/salesforce/staging/stg_salesforce.yml");
        String text = Files.readString(path, StandardCharsets.UTF_8);
        SchemaFile file = SchemaFile.parse(path, text);
        YamlEdit edit = YamlEdit.setDescription(EntryRef.model("stg_salesforce__opportunity_line_item"),
                "opportunity_line_item_id", "new text");
        YamlPatcher.Result result = YamlPatcher.patch(file, List.of(edit));
        assertEquals(text, result.text());
        assertEquals(1, result.refused().size());
        assertTrue(result.refused().get(0).reason().contains("declared 2 times (lines 661, 687)"),
                result.refused().get(0).reason());
    }
}
