package dev.osmosis.docs;

import java.util.Locale;

/** What a run changed, for the summary line and tests. */
public record DocCounts(int columnsInjected, int descriptionsInherited, int descriptionsSynthesized,
                        int modelDescriptionsSynthesized, int columnsRemoved, int dataTypesSynced,
                        int nodesReordered, int tagsOrMetaMerged, int entriesCreated, int filesChanged) {

    /** The same counts with the number of files the whole run (moves included) changes. */
    public DocCounts withFilesChanged(int files) {
        return new DocCounts(columnsInjected, descriptionsInherited, descriptionsSynthesized,
                modelDescriptionsSynthesized, columnsRemoved, dataTypesSynced, nodesReordered, tagsOrMetaMerged,
                entriesCreated, files);
    }

    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d columns injected, %d descriptions inherited", columnsInjected, descriptionsInherited));
        if (descriptionsSynthesized + modelDescriptionsSynthesized > 0) {
            s.append(String.format(Locale.ROOT, ", %d column and %d model descriptions synthesized",
                    descriptionsSynthesized, modelDescriptionsSynthesized));
        }
        if (columnsRemoved > 0 || dataTypesSynced > 0 || nodesReordered > 0) {
            s.append(String.format(Locale.ROOT, ", %d columns removed, %d data types synced, %d nodes re-sorted",
                    columnsRemoved, dataTypesSynced, nodesReordered));
        }
        if (tagsOrMetaMerged > 0) {
            s.append(String.format(Locale.ROOT, ", %d columns got tags or meta", tagsOrMetaMerged));
        }
        if (entriesCreated > 0) {
            s.append(String.format(Locale.ROOT, ", %d new YAML entries", entriesCreated));
        }
        return s.append(String.format(Locale.ROOT, "; %d file%s changed", filesChanged, filesChanged == 1 ? "" : "s"))
                .toString();
    }
}
