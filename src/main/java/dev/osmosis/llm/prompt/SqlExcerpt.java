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
        List<List<Integer>> definitions = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String column : asked) {
            List<Integer> defs = definingLines(lines, column);
            if (!defs.isEmpty()) {
                definitions.add(defs);
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
                    budget.tryKeep(block(lines, defs.get(defs.size() - 1 - r)));
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
        String col = column.toLowerCase(Locale.ROOT);
        Pattern defines = Pattern.compile("(?:^|[^a-z0-9_])[\"`\\[]?" + Pattern.quote(col) + "[\"`\\]]?$");
        List<Integer> defining = new ArrayList<>();
        List<Integer> naming = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String code = code(lines[i]);
            if (!PromptView.mentions(code, col)) {
                continue;
            }
            naming.add(i);
            String item = code.replaceAll("[,)\\s]+$", "");
            if (defines.matcher(item).find()) {
                defining.add(i);
            }
        }
        return defining.isEmpty() ? naming : defining;
    }

    /** The line, its select item's earlier lines, the header of its CTE and the CTE's from line. */
    private static List<Integer> block(String[] lines, int at) {
        List<Integer> block = new ArrayList<>();
        int start = at;
        while (start > 0 && at - start < MAX_ITEM_LINES && continuesItem(lines[start - 1])) {
            start--;
        }
        for (int i = start; i <= at; i++) {
            block.add(i);
        }
        for (int i = start - 1; i >= 0; i--) {
            if (CTE_HEADER.matcher(lines[i]).matches()) {
                block.add(i);
                break;
            }
        }
        for (int i = at + 1; i < lines.length && !CTE_HEADER.matcher(lines[i]).matches(); i++) {
            if (FROM.matcher(lines[i]).matches()) {
                block.add(i);
                break;
            }
        }
        return block;
    }

    /** Whether a line before a select item's last line belongs to the same item (no comma ends it, no select). */
    private static boolean continuesItem(String line) {
        String code = code(line).strip();
        return !code.isEmpty() && !code.endsWith(",") && !code.endsWith("(")
                && !code.matches("select(\\s+distinct)?") && !CTE_HEADER.matcher(line).matches();
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
