package dev.osmosis.docs;

import dev.osmosis.schema.EntryRef;
import dev.osmosis.schema.Placement;
import dev.osmosis.schema.SchemaColumn;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.YamlEdit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the difference between a node's docs before and after a run into the smallest list of YAML edits: one
 * per changed value, so the patcher touches only those lines.
 */
public final class DocEdits {
    private DocEdits() {
    }

    /**
     * {@code entry} is the node's current YAML entry, or null when a new one must be added. {@code underConfig}:
     * tags and meta the YAML does not have yet go under {@code config:} ({@link FusionCompat}).
     */
    public static List<YamlEdit> between(EntryRef ref, SchemaEntry entry, NodeDocs before, NodeDocs after,
                                         boolean underConfig) {
        if (entry == null) {
            return List.of(new YamlEdit.AddEntry(ref, newEntryFields(after, underConfig)));
        }
        List<YamlEdit> edits = new ArrayList<>();
        if (!before.description().equals(after.description())) {
            edits.add(YamlEdit.setDescription(ref, null, after.description()));
        }
        metaEdits(ref, null, entry.metaAt().forWrite(entry.tagsAt(), underConfig), before.meta(), after.meta(),
                edits);
        Set<String> afterNames = new HashSet<>();
        after.columns().forEach(c -> afterNames.add(c.name()));
        for (ColumnDocs old : before.columns()) {
            if (!afterNames.contains(old.name())) {
                edits.add(new YamlEdit.RemoveColumn(ref, old.name()));
            }
        }
        List<String> expectedOrder = new ArrayList<>();
        before.columns().stream().map(ColumnDocs::name).filter(afterNames::contains).forEach(expectedOrder::add);
        Map<String, ColumnDocs> wasByName = new java.util.HashMap<>();
        before.columns().forEach(c -> wasByName.putIfAbsent(c.name(), c));
        for (ColumnDocs now : after.columns()) {
            ColumnDocs was = wasByName.get(now.name());
            if (was == null) {
                edits.add(new YamlEdit.AddColumn(ref, now.name(), columnFields(now, underConfig)));
                expectedOrder.add(now.name());
            } else {
                SchemaColumn yaml = entry.column(now.name()).orElse(null);
                columnEdits(ref, yaml, was, now, underConfig, edits);
            }
        }
        List<String> order = after.columns().stream().map(ColumnDocs::name).toList();
        if (!order.equals(expectedOrder)) {
            edits.add(new YamlEdit.ReorderColumns(ref, order));
        }
        return edits;
    }

    private static void columnEdits(EntryRef ref, SchemaColumn yaml, ColumnDocs was, ColumnDocs now,
                                    boolean underConfig, List<YamlEdit> edits) {
        String col = now.name();
        if (!was.description().equals(now.description())) {
            edits.add(YamlEdit.setDescription(ref, col, now.description()));
        }
        if (!Objects.equals(was.dataType(), now.dataType()) && now.dataType() != null) {
            edits.add(new YamlEdit.SetValue(ref, col, List.of("data_type"), now.dataType()));
        }
        if (!was.tags().equals(now.tags())) {
            Placement at = yaml == null ? Placement.NONE.forWrite(Placement.NONE, underConfig)
                    : yaml.tagsAt().forWrite(yaml.metaAt(), underConfig);
            edits.add(new YamlEdit.SetValue(ref, col, at.editPath("tags"), now.tags()));
        }
        metaEdits(ref, col, yaml == null ? Placement.NONE.forWrite(Placement.NONE, underConfig)
                : yaml.metaAt().forWrite(yaml.tagsAt(), underConfig), was.meta(), now.meta(), edits);
        now.extras().forEach((key, value) -> {
            if (!Objects.equals(was.extras().get(key), value)) {
                edits.add(new YamlEdit.SetValue(ref, col, List.of(key), value));
            }
        });
    }

    private static void metaEdits(EntryRef ref, String column, Placement at, Map<String, Object> was,
                                  Map<String, Object> now, List<YamlEdit> edits) {
        List<String> base = at.editPath("meta");
        now.forEach((key, value) -> {
            if (!Objects.equals(was.get(key), value)) {
                List<String> path = new ArrayList<>(base);
                path.add(key);
                edits.add(new YamlEdit.SetValue(ref, column, path, value));
            }
        });
        // the only key a run takes away: its own abstention, once it wrote the description (docs/adr/0714)
        if (was.containsKey(Abstentions.KEY) && !now.containsKey(Abstentions.KEY)) {
            List<String> path = new ArrayList<>(base);
            path.add(Abstentions.KEY);
            edits.add(new YamlEdit.RemoveKey(ref, column, path));
        }
    }

    static Map<String, Object> columnFields(ColumnDocs c, boolean underConfig) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (c.dataType() != null && !c.dataType().isBlank()) {
            fields.put("data_type", c.dataType());
        }
        if (!c.description().isEmpty()) {
            fields.put("description", c.description());
        }
        putTagged(fields, c.tags(), c.meta(), underConfig);
        c.extras().forEach(fields::putIfAbsent);
        return fields;
    }

    /** Tags and meta of a new column or entry: at the top level, or in a {@code config:} mapping. */
    private static void putTagged(Map<String, Object> fields, List<String> tags, Map<String, Object> meta,
                                  boolean underConfig) {
        Map<String, Object> target = underConfig ? new LinkedHashMap<>() : fields;
        if (!tags.isEmpty()) {
            target.put("tags", tags);
        }
        if (!meta.isEmpty()) {
            target.put("meta", meta);
        }
        if (underConfig && !target.isEmpty()) {
            fields.put("config", target);
        }
    }

    private static Map<String, Object> newEntryFields(NodeDocs after, boolean underConfig) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (!after.description().isEmpty()) {
            fields.put("description", after.description());
        }
        putTagged(fields, List.of(), after.meta(), underConfig);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnDocs c : after.columns()) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.putAll(columnFields(c, underConfig));
            columns.add(column);
        }
        if (!columns.isEmpty()) {
            fields.put("columns", columns);
        }
        return fields;
    }
}
