package dev.osmosis.docs;

import dev.osmosis.schema.EntryRef;
import dev.osmosis.schema.Placement;
import dev.osmosis.schema.SchemaColumn;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.YamlEdit;
import dev.osmosis.schema.YamlPatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit step of `yaml refactor --fusion-compat`: top-level {@code tags:} and {@code meta:} of entries and
 * columns move under {@code config:}, merged with what {@code config:} already holds (its meta values win, tags are
 * united), as dbt 1.10 asks and Fusion requires. Other lines stay as written.
 */
public final class ConfigMigration {
    /** New file texts, and the edits that could not be made (each says why). */
    public record Result(Map<Path, String> texts, List<String> refused) {
    }

    private ConfigMigration() {
    }

    /** {@code entries}: the selected nodes' entries, by the file holding them. */
    public static Result run(Map<SchemaFile, ? extends Collection<SchemaEntry>> entries) {
        Map<Path, String> texts = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        entries.forEach((file, list) -> {
            List<YamlEdit> edits = new ArrayList<>();
            for (SchemaEntry entry : list) {
                moveUnderConfig(entry.ref(), null, entry.tags(), entry.tagsAt(), entry.meta(), entry.metaAt(), edits);
                for (SchemaColumn c : entry.columns()) {
                    moveUnderConfig(entry.ref(), c.name(), c.tags(), c.tagsAt(), c.meta(), c.metaAt(), edits);
                }
            }
            if (edits.isEmpty()) {
                return;
            }
            YamlPatcher.Result patched = YamlPatcher.patch(file, edits);
            patched.refused().forEach(r -> refused.add(file.path() + ": left " + r.edit().entry() + " as it is: "
                    + r.reason()));
            if (patched.changed(file)) {
                texts.put(file.path(), patched.text());
            }
        });
        return new Result(texts, refused);
    }

    private static void moveUnderConfig(EntryRef ref, String column, List<String> tags, Placement tagsAt,
                                        Map<String, Object> meta, Placement metaAt, List<YamlEdit> edits) {
        move(ref, column, "tags", tags, tagsAt, edits);
        move(ref, column, "meta", meta, metaAt, edits);
    }

    private static void move(EntryRef ref, String column, String key, Object merged, Placement at,
                             List<YamlEdit> edits) {
        if (at != Placement.TOP_LEVEL && at != Placement.BOTH) {
            return;
        }
        try {
            edits.add(new YamlEdit.SetValue(ref, column, List.of("config", key), merged));
        } catch (IllegalArgumentException e) {
            return; // a value osmosis cannot write back (e.g. a non-string key): the author's form stays
        }
        edits.add(new YamlEdit.RemoveKey(ref, column, List.of(key)));
    }
}
