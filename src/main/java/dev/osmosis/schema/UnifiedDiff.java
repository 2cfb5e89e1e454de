package dev.osmosis.schema;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Unified diffs (git style headers, 3 lines of context) for {@code --dry-run}. */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /**
     * The diff from {@code before} to {@code after}, headed {@code --- a/path} / {@code +++ b/path}
     * ({@code /dev/null} for a new file when {@code before} is empty, and for a deleted one when {@code after} is);
     * "" when the texts are equal.
     * Lines end with "\n"; a CRLF file shows its CRs as part of the lines they end.
     */
    public static String of(Path displayPath, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        String path = displayPath.toString().replace('\\', '/');
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(before.isEmpty() ? "/dev/null" : "a/" + path,
                after.isEmpty() ? "/dev/null" : "b/" + path, a, patch, 3);
        StringBuilder out = new StringBuilder();
        for (String line : diff) {
            if (before.isEmpty() && line.startsWith("@@ -1,0 ")) {
                line = "@@ -0,0 " + line.substring("@@ -1,0 ".length()); // the conventional header for a new file
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }
}
