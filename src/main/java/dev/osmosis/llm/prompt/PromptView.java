package dev.osmosis.llm.prompt;

import dev.osmosis.llm.prompt.PromptContext.Ancestor;
import dev.osmosis.llm.prompt.PromptContext.Column;
import dev.osmosis.llm.prompt.PromptContext.Parent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link PromptContext} into the map the templates walk, applying the {@link PromptLimits}. Every
 * variable is documented in README ("## Prompts"). Every nested map carries all its keys (empty string or
 * false, never absent or null): Mustache looks a missing key up in the enclosing scope, so a parent without a
 * description would otherwise print the model's.
 */
public final class PromptView {
    private PromptView() {
    }

    /**
     * The template variables for {@code ctx}. Every value taken from the project (names, paths, SQL, descriptions,
     * data types) is inside the prompt's {@link PromptFence}, so user templates fence it too; {@code fence} is the
     * tag, for the system prompt's rule. The {@code has_} flags look at the value before fencing.
     */
    public static Map<String, Object> of(PromptContext ctx) {
        PromptLimits limits = ctx.limits();
        PromptFence fence = PromptFence.forContent(content(ctx));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("fence", fence.tag());
        v.put("unique_id", fence.wrap(ctx.uniqueId()));
        v.put("name", fence.wrap(ctx.name()));
        v.put("resource_type", fence.wrap(ctx.resourceType()));
        putText(v, "path", ctx.path(), fence);
        putText(v, "materialization", ctx.materialization(), fence);
        putText(v, "description", ctx.description(), fence);
        putText(v, "rejected_description", ctx.rejectedDescription().strip(), fence);

        SqlCut cut = SqlExcerpt.of(ctx.sql(), ctx.rawSql(), askedColumns(ctx),
                ctx.columns().stream().map(Column::name).toList(), limits.maxSqlChars());
        putText(v, "sql", cut.text(), fence);
        v.put("sql_truncated", cut.cutChars() > 0);
        v.put("sql_truncated_chars", cut.cutChars());

        List<Map<String, Object>> columns = ctx.columns().stream().map(c -> column(c, fence)).toList();
        v.put("columns", columns);
        v.put("has_columns", !columns.isEmpty());
        v.put("column_count", columns.size());

        List<Map<String, Object>> gaps = ctx.gaps().stream().map(c -> column(c, fence)).toList();
        v.put("gaps", gaps);
        v.put("has_gaps", !gaps.isEmpty());
        v.put("gap_count", gaps.size());
        v.put("gap_names", String.join(", ", ctx.gapNames().stream().map(fence::wrap).toList()));
        v.put("want_model_description", ctx.wantModelDescription());

        BoundedParents parents = boundParents(ctx.parents(), cut.text(), tracedAncestors(ctx), limits, fence);
        v.put("parents", parents.parents());
        v.put("has_parents", !parents.parents().isEmpty());
        putText(v, "parents_note", parents.note(), null);

        // the user's own --llm-context: instructions by design, so not fenced
        putText(v, "user_context", ctx.userContext().strip(), null);
        // a language name osmosis detected or the user configured: an instruction, not project data
        putText(v, "language", ctx.language().strip(), null);
        Column target = ctx.column();
        v.put("column", target == null ? Boolean.FALSE : column(target, fence));
        v.put("has_column", target != null);
        // flat copies, so templates need no section (inside one, {{name}} would be the column's)
        v.put("column_name", target == null ? "" : fence.wrap(target.name()));
        putText(v, "column_data_type", target == null ? "" : target.dataType(), fence);
        putText(v, "column_description", target == null ? "" : target.description().strip(), fence);
        putText(v, "column_rejected", target == null ? "" : target.rejected().strip(), fence);
        List<Map<String, Object>> targetAncestors = target == null ? List.of()
                : target.ancestors().stream().map(a -> ancestor(a, fence)).toList();
        v.put("column_ancestors", targetAncestors);
        v.put("has_column_ancestors", !targetAncestors.isEmpty());
        List<Map<String, Object>> targetFacts = target == null ? List.of() : facts(target, fence);
        v.put("column_facts", targetFacts);
        v.put("has_column_facts", !targetFacts.isEmpty());
        return v;
    }

    /** All project text of a prompt, which its fence must not occur in. */
    private static String content(PromptContext ctx) {
        StringBuilder s = new StringBuilder();
        for (String part : List.of(ctx.uniqueId(), ctx.name(), ctx.resourceType(), ctx.path(), ctx.materialization(),
                ctx.description(), ctx.rejectedDescription(), ctx.sql(), ctx.rawSql(), ctx.userContext())) {
            s.append(part).append('\n');
        }
        List<Column> all = new ArrayList<>(ctx.columns());
        all.addAll(ctx.gaps());
        if (ctx.column() != null) {
            all.add(ctx.column());
        }
        for (Parent p : ctx.parents()) {
            s.append(p.name()).append('\n').append(p.resourceType()).append('\n').append(p.description()).append('\n');
            all.addAll(p.columns());
        }
        for (Column c : all) {
            s.append(c.name()).append('\n').append(c.dataType()).append('\n').append(c.description())
                    .append('\n').append(c.rejected()).append('\n');
            c.facts().forEach(f -> s.append(f).append('\n'));
            for (Ancestor a : c.ancestors()) {
                s.append(a.node()).append('\n').append(a.resourceType()).append('\n').append(a.column()).append('\n')
                        .append(a.description()).append('\n').append(a.via()).append('\n');
            }
        }
        return s.toString();
    }

    /** The columns a prompt asks about: its target column, else its gaps. */
    private static List<String> askedColumns(PromptContext ctx) {
        return ctx.column() != null ? List.of(ctx.column().name()) : ctx.gapNames();
    }

    /** SQL cut to at most {@code max} characters (at a line end when one is near) plus a marker line. */
    record SqlCut(String text, int cutChars) {
    }

    static SqlCut truncateSql(String sql, int max) {
        String s = sql.strip();
        if (s.length() <= max) {
            return new SqlCut(s, 0);
        }
        String kept = s.substring(0, max);
        int lastNewline = kept.lastIndexOf('\n');
        if (lastNewline >= max / 2) {
            kept = kept.substring(0, lastNewline);
        }
        int cutChars = s.length() - kept.length();
        return new SqlCut(kept.stripTrailing() + "\n-- [truncated " + cutChars + " chars]", cutChars);
    }

    record BoundedParents(List<Map<String, Object>> parents, String note) {
    }

    /**
     * The parent columns the asked columns (the gaps, or the one column) were traced to, as
     * {@link #ancestorKey} keys.
     */
    static Set<String> tracedAncestors(PromptContext ctx) {
        Set<String> keys = new HashSet<>();
        List<Column> asked = new ArrayList<>(ctx.gaps());
        if (ctx.column() != null) {
            asked.add(ctx.column());
        }
        asked.forEach(c -> c.ancestors().forEach(a -> keys.add(ancestorKey(a.node(), a.resourceType(), a.column()))));
        return keys;
    }

    private static String ancestorKey(String node, String resourceType, String column) {
        return node + '\u0000' + resourceType + '\u0000' + column.toLowerCase(Locale.ROOT);
    }

    /**
     * At most maxParents parents, most relevant first: those holding a traced ancestor of an asked column, then by
     * how much documentation they carry, so an undocumented parent never pushes out a documented one. Per parent
     * its documented columns, the traced ancestors first, then those the SQL mentions, at most maxParentColumns,
     * within a character budget shared by all parents in that order. What was cut is counted in the note so the
     * model knows the list is partial.
     */
    static BoundedParents boundParents(List<Parent> all, String sql, Set<String> traced, PromptLimits limits,
                                       PromptFence fence) {
        String sqlLower = sql.toLowerCase(Locale.ROOT);
        int budget = limits.maxParentChars();
        int parentsOmitted = Math.max(0, all.size() - limits.maxParents());
        int columnsOmitted = 0;
        List<Map<String, Object>> out = new ArrayList<>();
        List<RankedParent> ranked = all.stream().map(p -> RankedParent.of(p, traced)).sorted().toList();
        for (RankedParent r : ranked.subList(0, Math.min(ranked.size(), limits.maxParents()))) {
            Parent p = r.parent();
            String description = clip(p.description().strip(), limits.maxParentDescription());
            budget -= description.length();
            // traced ancestors, then those the SQL mentions, then the rest, each group in the parent's order (what
            // a stable sort gave); the check runs once per column, not once per comparison
            List<Column> byRelevance = new ArrayList<>(r.traced());
            List<Column> mentioned = new ArrayList<>();
            List<Column> unmentioned = new ArrayList<>();
            r.documented().stream().filter(c -> !r.traced().contains(c))
                    .forEach(c -> (mentions(sqlLower, c.name()) ? mentioned : unmentioned).add(c));
            byRelevance.addAll(mentioned);
            byRelevance.addAll(unmentioned);
            List<Column> chosen = new ArrayList<>();
            for (Column c : byRelevance) {
                int cost = c.name().length() + c.description().strip().length();
                if (chosen.size() < limits.maxParentColumns() && cost <= budget) {
                    chosen.add(c);
                    budget -= cost;
                }
            }
            int omitted = r.documented().size() - chosen.size();
            columnsOmitted += omitted;
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", fence.wrap(p.name()));
            pm.put("resource_type", fence.wrap(p.resourceType()));
            putText(pm, "description", description, fence);
            // the traced ancestors first, then the parent's own order, which usually follows its SQL
            List<Column> shown = new ArrayList<>(r.traced().stream().filter(chosen::contains).toList());
            r.documented().stream().filter(c -> chosen.contains(c) && !shown.contains(c)).forEach(shown::add);
            List<Map<String, Object>> cols = shown.stream().map(c -> column(c, fence)).toList();
            pm.put("columns", cols);
            pm.put("has_columns", !cols.isEmpty());
            pm.put("columns_omitted", omitted);
            pm.put("has_columns_omitted", omitted > 0);
            out.add(pm);
        }
        List<String> parts = new ArrayList<>();
        if (parentsOmitted > 0) {
            parts.add(parentsOmitted + (parentsOmitted == 1 ? " more parent" : " more parents"));
        }
        if (columnsOmitted > 0) {
            parts.add(columnsOmitted + (columnsOmitted == 1 ? " documented column" : " documented columns"));
        }
        String note = parts.isEmpty() ? ""
                : "upstream documentation shortened for length: " + String.join(" and ", parts) + " not shown";
        return new BoundedParents(List.copyOf(out), note);
    }

    /**
     * A parent with what ranks it: its documented columns, those of them an asked column was traced to, and the
     * characters of documentation it carries. Sorted: holding a traced ancestor first, then more documentation
     * first; ties keep the given (unique-id) order, as the sort is stable.
     */
    private record RankedParent(Parent parent, List<Column> documented, List<Column> traced, int docChars)
            implements Comparable<RankedParent> {
        static RankedParent of(Parent p, Set<String> tracedKeys) {
            List<Column> documented = p.columns().stream().filter(c -> !c.description().isBlank()).toList();
            List<Column> traced = documented.stream()
                    .filter(c -> tracedKeys.contains(ancestorKey(p.name(), p.resourceType(), c.name()))).toList();
            int chars = p.description().strip().length();
            for (Column c : documented) {
                chars += c.description().strip().length();
            }
            return new RankedParent(p, documented, traced, chars);
        }

        @Override
        public int compareTo(RankedParent o) {
            if (traced.isEmpty() != o.traced.isEmpty()) {
                return traced.isEmpty() ? 1 : -1;
            }
            return Integer.compare(o.docChars, docChars);
        }
    }

    /** Whether the SQL names the column as a whole word ([a-z0-9_] on neither side), without a regex per call. */
    static boolean mentions(String sqlLower, String column) {
        String c = column.toLowerCase(Locale.ROOT);
        if (c.isEmpty()) {
            return false;
        }
        for (int at = sqlLower.indexOf(c); at >= 0; at = sqlLower.indexOf(c, at + 1)) {
            int end = at + c.length();
            if ((at == 0 || !isWordChar(sqlLower.charAt(at - 1)))
                    && (end == sqlLower.length() || !isWordChar(sqlLower.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_';
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + " [...]";
    }

    private static Map<String, Object> column(Column c, PromptFence fence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", fence.wrap(c.name()));
        putText(m, "data_type", c.dataType(), fence);
        putText(m, "description", c.description().strip(), fence);
        putText(m, "rejected", c.rejected().strip(), fence);
        List<Map<String, Object>> ancestors = c.ancestors().stream().map(a -> ancestor(a, fence)).toList();
        m.put("ancestors", ancestors);
        m.put("has_ancestors", !ancestors.isEmpty());
        List<Map<String, Object>> facts = facts(c, fence);
        m.put("facts", facts);
        m.put("has_facts", !facts.isEmpty());
        return m;
    }

    private static List<Map<String, Object>> facts(Column c, PromptFence fence) {
        return c.facts().stream().filter(f -> !f.isBlank())
                .map(f -> Map.<String, Object>of("fact", fence.wrap(f.strip()))).toList();
    }

    private static Map<String, Object> ancestor(Ancestor a, PromptFence fence) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", fence.wrap(a.node()));
        m.put("resource_type", fence.wrap(a.resourceType()));
        m.put("column", fence.wrap(a.column()));
        putText(m, "description", a.description().strip(), fence);
        putText(m, "via", a.via().strip(), fence);
        return m;
    }

    /**
     * key plus has_key, so templates can test presence without relying on how empty strings are treated; the
     * value is fenced unless {@code fence} is null (text osmosis or the user wrote) or it is blank.
     */
    private static void putText(Map<String, Object> m, String key, String value, PromptFence fence) {
        m.put(key, fence == null || value.isBlank() ? value : fence.wrap(value));
        m.put("has_" + key, !value.isBlank());
    }
}
