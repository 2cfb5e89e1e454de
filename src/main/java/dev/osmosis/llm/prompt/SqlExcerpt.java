package dev.osmosis.llm.prompt;

import dev.osmosis.llm.prompt.PromptView.SqlCut;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL a prompt shows, chosen and cut for the columns asked about (docs/adr/0713):
 * <ul>
 *   <li>the Jinja source when it is a quarter shorter than the compiled SQL (or shorter, when the compiled SQL
 *       would be cut) and names every asked column the compiled SQL names (a macro that expands into pages of SQL
 *       says the same in one line, and the source is what a human wrote);</li>
 *   <li>over the limit, the lines that define the asked columns are kept (the select item, back to its start for
 *       a multi-line {@code case}, the header of its CTE and the CTE's {@code from} line), the last definition
 *       of each column first, then the head of the SQL as room allows; each run of cut lines becomes a
 *       {@code -- [...]} line and a first line says how much was cut and that the defining lines were kept;</li>
 *   <li>when no line defines an asked column (or none is asked), the head, as before: {@code -- [truncated N
 *       chars]}.</li>
 * </ul>
 */
final class SqlExcerpt {
    /** Lines looked back over for the start of a multi-line select item ({@code case ... end as x}). */
    static final int MAX_ITEM_LINES = 12;
    /** Lines of the end of the SQL (its final select) kept after the defining lines. */
    static final int TAIL_LINES = 6;
    /** Definitions of one column considered at most, the last ones (a prompt's budget holds far fewer). */
    static final int MAX_DEFINITIONS = 512;
    /** What a {@code -- [... N lines cut]} line costs, for the budget. */
    private static final int GAP_COST = 26;
    private static final Pattern CTE_HEADER = Pattern.compile(
            "(?i)^\\s*(?:with\\s+|,\\s*)?(?:recursive\\s+)?[\\w\"`\\[\\]]+\\s*(?:\\([^)]*\\)\\s*)?"
                    + "as\\s*(?:materialized\\s+)?\\(\\s*$");
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*from\\b.*");

    private SqlExcerpt() {
    }

    /**
     * @param compiled the node's SQL (compiled when dbt compiled it)
     * @param raw      its Jinja source, or empty when {@code compiled} is already the source
     * @param asked    the columns the prompt asks about (none for a model description alone)
     * @param known    the node's columns: when none is asked, the source must name those the compiled SQL names
     */
    static SqlCut of(String compiled, String raw, Collection<String> asked, Collection<String> known, int max) {
        String sql = compiled.strip();
        String source = raw.strip();
        String header = "";
        if (!source.isEmpty() && muchShorter(source, sql, max)
                && saysTheSame(source, sql, asked.isEmpty() ? known : asked)) {
            header = "-- [the Jinja source; its compiled SQL (" + sql.length() + " chars) is longer and says the "
                    + "same about the columns asked]\n";
            sql = source;
        }
        if (sql.length() <= max) {
            return new SqlCut(header + sql, 0);
        }
        SqlCut cut = relevant(sql, asked, max);
        return new SqlCut(header + cut.text(), cut.cutChars());
    }

    /**
     * Whether the source is worth showing for its length: a quarter shorter, or shorter when the compiled SQL
     * would be cut. Of two near equals the compiled SQL says more (refs resolved, no config block).
     */
    static boolean muchShorter(String source, String compiled, int max) {
        return source.length() < compiled.length() * 3L / 4
                || compiled.length() > max && source.length() < compiled.length();
    }

    /** Whether {@code source} names every column of {@code columns} that {@code compiled} names. */
    static boolean saysTheSame(String source, String compiled, Collection<String> columns) {
        String s = source.toLowerCase(Locale.ROOT);
        String c = compiled.toLowerCase(Locale.ROOT);
        return columns.stream().noneMatch(col -> PromptView.mentions(c, col) && !PromptView.mentions(s, col));
    }

    private static SqlCut relevant(String sql, Collection<String> asked, int max) {
        String[] lines = sql.split("\n", -1);
        Lines read = new Lines(lines);
        List<List<Integer>> definitions = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String column : asked) {
            List<Integer> defs = definingCodeLines(read.codes, column);
            if (!defs.isEmpty()) {
                // only the last ones can matter within a prompt's budget; all of them made the cut quadratic
                definitions.add(defs.subList(Math.max(0, defs.size() - MAX_DEFINITIONS), defs.size()));
                found.add(column);
            }
        }
        if (definitions.isEmpty() || lines.length < 3) {
            return PromptView.truncateSql(sql, max);
        }
        String namesShown = clip(String.join(", ", found), 200);
        Budget budget = new Budget(lines, max - 160 - namesShown.length());
        // round robin: every column's last definition (the one the model's output comes from) before any
        // column's earlier ones
        int rounds = definitions.stream().mapToInt(List::size).max().orElse(0);
        for (int r = 0; r < rounds; r++) {
            for (List<Integer> defs : definitions) {
                if (r < defs.size()) {
                    budget.tryKeep(read.block(defs.get(defs.size() - 1 - r)));
                }
            }
        }
        // the final statement says what the model returns
        List<Integer> tail = new ArrayList<>();
        for (int i = Math.max(0, lines.length - TAIL_LINES); i < lines.length; i++) {
            tail.add(i);
        }
        budget.tryKeep(tail);
        budget.closeSmallGaps();
        for (int i = 0; i < lines.length && budget.tryKeep(List.of(i)); i++) {
            // the head as room allows: the model reads where the SQL starts
        }
        budget.closeSmallGaps();
        StringBuilder out = new StringBuilder();
        int keptChars = 0;
        for (int i = 0; i < lines.length; i++) {
            if (budget.kept[i]) {
                out.append(lines[i]).append('\n');
                keptChars += lines[i].length() + 1;
            } else {
                int start = i;
                while (i + 1 < lines.length && !budget.kept[i + 1]) {
                    i++;
                }
                int n = i - start + 1;
                out.append("-- [... ").append(n).append(n == 1 ? " line" : " lines").append(" cut]\n");
            }
        }
        int cutChars = Math.max(0, sql.length() - keptChars);
        String first = "-- [osmosis cut " + cutChars + " of " + sql.length() + " chars of this SQL; kept the lines "
                + "that define " + namesShown + ", with their CTE and from lines]\n";
        return new SqlCut(first + out.toString().stripTrailing(), cutChars);
    }

    /** Lines whose select item ends in the column (its alias, {@code t.col} or {@code col}); else those naming it. */
    static List<Integer> definingLines(String[] lines, String column) {
        return definingCodeLines(new Lines(lines).codes, column);
    }

    /** As {@link #definingLines(String[], String)}, over the lines' {@link #code} read once for all columns. */
    private static List<Integer> definingCodeLines(String[] codes, String column) {
        String col = column.toLowerCase(Locale.ROOT);
        List<Integer> defining = new ArrayList<>();
        List<Integer> naming = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            String code = codes[i];
            if (!PromptView.mentions(code, col)) {
                continue;
            }
            naming.add(i);
            if (endsInName(code, col)) {
                defining.add(i);
            }
        }
        return defining.isEmpty() ? naming : defining;
    }

    /**
     * Whether the select item on a line ends in {@code col} (lower case), quoted or not, after its trailing commas
     * and parentheses. Read from the end: a regex over a one-line 5 MB compiled SQL, once per asked column, took
     * a minute.
     */
    static boolean endsInName(String code, String col) {
        int end = code.length();
        while (end > 0 && (code.charAt(end - 1) == ',' || code.charAt(end - 1) == ')'
                || Character.isWhitespace(code.charAt(end - 1)))) {
            end--;
        }
        if (end > 0 && "\"`]".indexOf(code.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = end - col.length();
        if (start < 0 || !code.startsWith(col, start)) {
            return false;
        }
        char before = start == 0 ? ' ' : code.charAt(start - 1);
        return !(before >= 'a' && before <= 'z' || before >= '0' && before <= '9' || before == '_');
    }

    /**
     * The SQL's lines read once: each line's code, and where the CTE headers and from lines stand, so finding a
     * definition's block costs the same on a 5 MB compiled SQL as on a short one.
     */
    private static final class Lines {
        final String[] codes;
        /** Whether line i may belong to the select item ending on a later line. */
        final boolean[] continues;
        /** The last CTE header at or before line i, or -1. */
        final int[] headerAtOrBefore;
        /** The first from line at or after line i, before any CTE header, or -1. */
        final int[] fromAtOrAfter;

        Lines(String[] lines) {
            int n = lines.length;
            codes = new String[n];
            continues = new boolean[n];
            headerAtOrBefore = new int[n];
            fromAtOrAfter = new int[n];
            boolean[] header = new boolean[n];
            for (int i = 0; i < n; i++) {
                codes[i] = code(lines[i]);
                header[i] = CTE_HEADER.matcher(lines[i]).matches();
                String code = codes[i].strip();
                continues[i] = !code.isEmpty() && !code.endsWith(",") && !code.endsWith("(")
                        && !code.matches("select(\\s+distinct)?") && !header[i];
                headerAtOrBefore[i] = header[i] ? i : i > 0 ? headerAtOrBefore[i - 1] : -1;
            }
            for (int i = n - 1; i >= 0; i--) {
                fromAtOrAfter[i] = header[i] ? -1 : FROM.matcher(lines[i]).matches() ? i
                        : i + 1 < n ? fromAtOrAfter[i + 1] : -1;
            }
        }

        /** The line, its select item's earlier lines, the header of its CTE and the CTE's from line. */
        List<Integer> block(int at) {
            List<Integer> block = new ArrayList<>();
            int start = at;
            while (start > 0 && at - start < MAX_ITEM_LINES && continues[start - 1]) {
                start--;
            }
            for (int i = start; i <= at; i++) {
                block.add(i);
            }
            if (start > 0 && headerAtOrBefore[start - 1] >= 0) {
                block.add(headerAtOrBefore[start - 1]);
            }
            if (at + 1 < codes.length && fromAtOrAfter[at + 1] >= 0) {
                block.add(fromAtOrAfter[at + 1]);
            }
            return block;
        }
    }

    /** The line lower-cased without its {@code --} comment. */
    private static String code(String line) {
        int comment = line.indexOf("--");
        return (comment >= 0 ? line.substring(0, comment) : line).toLowerCase(Locale.ROOT).stripTrailing();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + " [...]";
    }

    /** Which lines are kept, within a character budget that counts the {@code -- [...]} line of each cut run. */
    private static final class Budget {
        final boolean[] kept;
        final String[] lines;
        int left;

        Budget(String[] lines, int chars) {
            this.lines = lines;
            this.kept = new boolean[lines.length];
            // one run of cut lines to start with: everything
            this.left = chars - GAP_COST;
        }

        /** Keeps each run of cut lines between kept ones that costs little more than the line marking it. */
        void closeSmallGaps() {
            for (int i = 1; i < lines.length; i++) {
                if (kept[i - 1] && !kept[i]) {
                    int end = i;
                    int chars = 0;
                    while (end < lines.length && !kept[end]) {
                        chars += lines[end].length() + 1;
                        end++;
                    }
                    if (end < lines.length && chars <= 2 * GAP_COST) {
                        List<Integer> run = new ArrayList<>();
                        for (int j = i; j < end; j++) {
                            run.add(j);
                        }
                        tryKeep(run);
                    }
                    i = end;
                }
            }
        }

        /** Keeps all of {@code block} when it fits, else nothing. */
        boolean tryKeep(List<Integer> block) {
            java.util.Set<Integer> added = new java.util.HashSet<>();
            int cost = 0;
            for (int i : block) {
                if (!kept[i] && added.add(i)) {
                    boolean prevCut = i > 0 && !kept[i - 1] && !added.contains(i - 1);
                    boolean nextCut = i + 1 < lines.length && !kept[i + 1] && !added.contains(i + 1);
                    // keeping a line splits its run of cut lines in two, shortens it, or removes it
                    int runs = prevCut && nextCut ? 1 : !prevCut && !nextCut ? -1 : 0;
                    cost += lines[i].length() + 1 + runs * GAP_COST;
                }
            }
            if (cost > left) {
                return false;
            }
            added.forEach(i -> kept[i] = true);
            left -= cost;
            return true;
        }
    }
}
