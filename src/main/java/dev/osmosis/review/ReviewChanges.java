package dev.osmosis.review;

import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.YamlEdit;
import dev.osmosis.schema.YamlPatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies review edits to the files' text in memory; the caller writes or diffs the result. */
public final class ReviewChanges {
    /** One file's text before and after. */
    public record FileChange(Path path, String before, String after) {
    }

    /** The files that change, and the edits refused (with the reason: a shared anchor, a merge key...). */
    public record Result(List<FileChange> files, List<String> refused) {
        public Result {
            files = List.copyOf(files);
            refused = List.copyOf(refused);
        }
    }

    private ReviewChanges() {
    }

    public static Result apply(SchemaFiles files, Map<Path, List<YamlEdit>> edits) {
        List<FileChange> changes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        edits.forEach((path, list) -> {
            var file = files.fileOrEmpty(path);
            YamlPatcher.Result result = YamlPatcher.patch(file, list);
            result.refused().forEach(r -> refused.add(r.reason()));
            if (result.changed(file)) {
                changes.add(new FileChange(path, file.text(), result.text()));
            }
        });
        return new Result(changes, refused);
    }
}
