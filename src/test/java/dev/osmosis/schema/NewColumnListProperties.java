package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Columns added to an entry that has none are written in the round that creates its {@code columns:} list (issue
 * 22: a first adoption adds thirty columns to most entries, and the second round composed every big file again),
 * with the very text the two rounds wrote: the first column creating the list, then the others appended to it.
 */
class NewColumnListProperties {
    private static final Path PATH = Path.of("models/_models.yml");
    /** Indentation styles: the usual one, four spaces with dashes at the key's column, and a file with no example. */
    private static final List<String> FILES = List.of(
            "version: 2\n\nmodels:\n  - name: m\n    description: d\n  - name: other\n    columns:\n      - name: x\n",
            "version: 2\nmodels:\n-   name: m\n    description: d\n-   name: other\n    meta:\n        owner: a\n"
                    + "    columns:\n    -   name: x\n        tags:\n        - t\n",
            "models:\n- name: m\n",
            "version: 2\nmodels:\n  - name: other\n    columns:\n      -    name: x\n  - name: m  # the model\n");
    private static final List<String> NAMES = List.of("id", "ID", "amount", "status", "created_at", "note");
    private static final List<Object> DESCRIPTIONS = List.of("The id.", "two\nlines\n", "", "yes", "a: b");

    @Property(tries = 400)
    void oneRoundWritesWhatTheFirstColumnAndThenTheOthersWrote(@ForAll long seed) {
        Random random = new Random(seed);
        SchemaFile file = SchemaFile.parse(PATH, FILES.get(random.nextInt(FILES.size())));
        List<YamlEdit> edits = new ArrayList<>();
        int columns = 2 + random.nextInt(5);
        for (int i = 0; i < columns; i++) {
            edits.add(new YamlEdit.AddColumn(EntryRef.model("m"), NAMES.get(random.nextInt(NAMES.size())),
                    fields(random)));
        }
        String firstThenOthers = YamlPatcher.apply(SchemaFile.parse(PATH,
                YamlPatcher.apply(file, edits.subList(0, 1))), edits.subList(1, edits.size()));
        assertEquals(firstThenOthers, YamlPatcher.apply(file, edits), edits.toString());
    }

    @Example
    void aFirstAdoptionsColumnsTakeOneRound() {
        SchemaFile file = SchemaFile.parse(PATH, FILES.get(0));
        List<YamlEdit> edits = new ArrayList<>();
        for (String column : List.of("id", "amount", "status")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("data_type", column.equals("id") ? "bigint" : "text");
            if (!column.equals("id")) {
                fields.put("description", "The " + column + ".");
            }
            edits.add(new YamlEdit.AddColumn(EntryRef.model("m"), column, fields));
        }
        YamlPatcher.Result result = YamlPatcher.patch(file, edits);
        assertEquals(1, result.rounds(), "the list is written in the round that creates it");
        // the text the two rounds wrote before (osmosis at aaa8425)
        assertEquals("version: 2\n\nmodels:\n  - name: m\n    description: d\n    columns:\n      - name: id\n"
                + "        data_type: bigint\n      - name: amount\n        data_type: text\n"
                + "        description: The amount.\n      - name: status\n        data_type: text\n"
                + "        description: The status.\n  - name: other\n    columns:\n      - name: x\n", result.text());
    }

    @Example
    void aColumnNamedTwiceOrAValueOnSeveralLinesKeepsTheSecondRound() {
        SchemaFile file = SchemaFile.parse(PATH, FILES.get(0));
        Map<String, Object> meta = Map.of("meta", Map.of("owner", "a"));
        assertEquals(2, YamlPatcher.patch(file, List.of(new YamlEdit.AddColumn(EntryRef.model("m"), "id", Map.of()),
                new YamlEdit.AddColumn(EntryRef.model("m"), "ID", Map.of()))).rounds());
        assertEquals(2, YamlPatcher.patch(file, List.of(new YamlEdit.AddColumn(EntryRef.model("m"), "id", Map.of()),
                new YamlEdit.AddColumn(EntryRef.model("m"), "amount", meta))).rounds());
    }

    /** Some of a new column's fields, in a random order: one-line and block values, empty and nested ones. */
    private static Map<String, Object> fields(Random random) {
        List<Map.Entry<String, Object>> all = new ArrayList<>(List.of(
                Map.entry("data_type", random.nextBoolean() ? "bigint" : "text"),
                Map.entry("description", DESCRIPTIONS.get(random.nextInt(DESCRIPTIONS.size()))),
                Map.entry("tags", random.nextBoolean() ? List.of() : List.of("pii")),
                Map.entry("meta", random.nextBoolean() ? Map.of() : Map.of("owner", "a"))));
        java.util.Collections.shuffle(all, random);
        Map<String, Object> fields = new LinkedHashMap<>();
        all.subList(0, random.nextInt(all.size() + 1)).forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
