package dev.osmosis.docs;

import dev.osmosis.schema.YamlEdit;
import java.util.List;
import java.util.Locale;

/** What a run changed, for the summary line and tests. */
public record DocCounts(int columnsInjected, int descriptionsInherited, int descriptionsSynthesized,
                        int modelDescriptionsSynthesized, int columnsRemoved, int dataTypesSynced,
                        int nodesReordered, int tagsOrMetaMerged, int entriesCreated, int filesChanged,
                        int answersUnusable) {

    /** The same counts with the number of files the whole run (moves included) changes. */
    public DocCounts withFilesChanged(int files) {
        return new DocCounts(columnsInjected, descriptionsInherited, descriptionsSynthesized,
                modelDescriptionsSynthesized, columnsRemoved, dataTypesSynced, nodesReordered, tagsOrMetaMerged,
                entriesCreated, files, answersUnusable);
    }

    /** The same counts with the number of descriptions the model answered with only placeholders. */
    public DocCounts withAnswersUnusable(int n) {
        return new DocCounts(columnsInjected, descriptionsInherited, descriptionsSynthesized,
                modelDescriptionsSynthesized, columnsRemoved, dataTypesSynced, nodesReordered, tagsOrMetaMerged,
                entriesCreated, filesChanged, n);
    }

    /**
     * The counts without what the patcher refused to do (a column declared twice, a value it cannot edit in
     * place): each refusal is a warning, and a change that did not happen is not counted. Description edits are
     * not taken back: the edit does not tell whether it was inherited or synthesized.
     */
    public DocCounts withoutRefused(List<YamlEdit> refused) {
        int injected = columnsInjected;
        int removed = columnsRemoved;
        int types = dataTypesSynced;
        int reordered = nodesReordered;
        int created = entriesCreated;
        for (YamlEdit edit : refused) {
            if (edit instanceof YamlEdit.SetValue set && set.path().equals(List.of("data_type"))) {
                types--;
            } else if (edit instanceof YamlEdit.AddColumn) {
                injected--;
            } else if (edit instanceof YamlEdit.RemoveColumn) {
                removed--;
            } else if (edit instanceof YamlEdit.ReorderColumns) {
                reordered--;
            } else if (edit instanceof YamlEdit.AddEntry) {
                created--;
            }
        }
        return new DocCounts(Math.max(0, injected), descriptionsInherited, descriptionsSynthesized,
                modelDescriptionsSynthesized, Math.max(0, removed), Math.max(0, types), Math.max(0, reordered),
                tagsOrMetaMerged, Math.max(0, created), filesChanged, answersUnusable);
    }

    public String summary() {
        StringBuilder s = new StringBuilder(of(columnsInjected, "column") + " injected, "
                + of(descriptionsInherited, "description") + " inherited");
        if (descriptionsSynthesized + modelDescriptionsSynthesized > 0) {
            s.append(String.format(Locale.ROOT, ", %d column and %d model description%s synthesized",
                    descriptionsSynthesized, modelDescriptionsSynthesized,
                    modelDescriptionsSynthesized == 1 ? "" : "s"));
        }
        if (answersUnusable > 0) {
            s.append(", ").append(of(answersUnusable, "description")).append(" left undocumented (the model gave "
                    + "only placeholders, named below)");
        }
        if (columnsRemoved > 0 || dataTypesSynced > 0 || nodesReordered > 0) {
            s.append(", ").append(of(columnsRemoved, "column")).append(" removed, ")
                    .append(of(dataTypesSynced, "data type")).append(" synced, ")
                    .append(of(nodesReordered, "node")).append(" re-sorted");
        }
        if (tagsOrMetaMerged > 0) {
            s.append(", ").append(of(tagsOrMetaMerged, "column")).append(" got tags or meta");
        }
        if (entriesCreated > 0) {
            s.append(", ").append(of(entriesCreated, "new YAML entr", "y", "ies"));
        }
        return s.append("; ").append(of(filesChanged, "file")).append(" changed").toString();
    }

    /** "1 file", "2 files", "0 files". */
    private static String of(int n, String noun) {
        return of(n, noun, "", "s");
    }

    private static String of(int n, String stem, String one, String many) {
        return n + " " + stem + (n == 1 ? one : many);
    }
}
