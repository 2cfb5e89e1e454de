package dev.osmosis.lineage.columns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Reads the shape of a model's SQL with JSqlParser (ADR 0712): for each output column, which columns of which
 * relations it comes from, through CTEs, subqueries, table aliases, {@code *}, renames, casts and one-column
 * expressions. Anything the parser cannot read (Jinja left in raw SQL, a dialect's construct) yields nothing, and
 * the caller falls back to matching names; a parse never fails a run.
 */
final class SqlShapes {
    /** Bounds a pathological statement; a model's SQL parses in milliseconds. */
    private static final long PARSE_TIMEOUT_MS = 2_000;
    private static final Pattern FINAL = Pattern.compile("(?i)(?<![\\w\"'.`])final(?![\\w\"'`])");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n(?:[ \\t\\r]*\\n)+");

    private SqlShapes() {
    }

    /**
     * The shape of {@code sql}'s final select, or empty when it does not parse as one. The parse runs on
     * {@code parsing}, which must have daemon threads: a parse past its timeout is abandoned, not stopped, and must
     * not keep the JVM alive.
     */
    static Optional<QueryShape> parse(String sql, ExecutorService parsing) {
        String text = sql == null ? "" : sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        if (text.isEmpty() || text.contains("{{") || text.contains("{%")) {
            return Optional.empty(); // uncompiled Jinja: not SQL yet
        }
        // JSqlParser ends a statement at two blank lines, which macro expansion leaves everywhere
        text = BLANK_LINES.matcher(text).replaceAll("\n");
        // dbt's style guide names the last CTE `final`, a keyword to JSqlParser: quoted, it is a name again
        text = FINAL.matcher(text).replaceAll("\"final\"");
        try {
            Statement statement = CCJSqlParserUtil.parse(text, parsing,
                    parser -> parser.withTimeOut(PARSE_TIMEOUT_MS));
            return statement instanceof Select select
                    ? Optional.of(new SqlShapes.Scope(Map.of()).select(select).shape()) : Optional.empty();
        } catch (JSQLParserException | RuntimeException | StackOverflowError unreadable) {
            // the parser's own failure, or a construct its tree walk does not expect: names will do
            return Optional.empty();
        }
    }

    /** An output column list in order (for a UNION's positions) and the shape. */
    private record Built(List<String> names, boolean hasStar, QueryShape shape) {
    }

    /** The CTEs visible where a select stands (lower-cased names). */
    private record Scope(Map<String, QueryShape> ctes) {

        Built select(Select select) {
            Scope inner = this;
            List<WithItem<?>> with = select.getWithItemsList();
            if (with != null) {
                Map<String, QueryShape> visible = new HashMap<>(ctes);
                for (WithItem<?> item : with) {
                    Scope before = new Scope(Map.copyOf(visible));
                    QueryShape shape = item.getSelect() == null ? new QueryShape.Opaque()
                            : before.select(item.getSelect()).shape();
                    visible.put(lower(item.getUnquotedAliasName()), shape);
                }
                inner = new Scope(Map.copyOf(visible));
            }
            if (select instanceof PlainSelect plain) {
                return inner.plain(plain);
            }
            if (select instanceof SetOperationList union) {
                return inner.union(union);
            }
            if (select instanceof ParenthesedSelect parenthesed && parenthesed.getSelect() != null) {
                return inner.select(parenthesed.getSelect());
            }
            return new Built(List.of(), false, new QueryShape.Opaque());
        }

        /** Columns by position of the first branch; a branch with {@code *} is matched by name instead. */
        private Built union(SetOperationList union) {
            List<Built> branches = union.getSelects().stream().map(this::select).toList();
            Built first = branches.get(0);
            boolean positional = branches.stream()
                    .allMatch(b -> !b.hasStar() && b.names().size() == first.names().size());
            Map<String, List<Origin>> named = new LinkedHashMap<>();
            for (int i = 0; i < first.names().size(); i++) {
                String name = first.names().get(i);
                Set<Origin> all = new LinkedHashSet<>();
                for (Built b : branches) {
                    all.addAll(b.shape().origins(positional ? b.names().get(i) : name));
                }
                named.put(lower(name), List.copyOf(all));
            }
            List<QueryShape> stars = first.hasStar() ? branches.stream().map(Built::shape).toList() : List.of();
            return new Built(first.names(), first.hasStar(), new QueryShape.Select(named, stars));
        }

        private Built plain(PlainSelect select) {
            Map<String, QueryShape> from = new LinkedHashMap<>();
            addFrom(from, select.getFromItem());
            if (select.getJoins() != null) {
                for (Join join : select.getJoins()) {
                    addFrom(from, join.getFromItem());
                }
            }
            List<String> names = new ArrayList<>();
            Map<String, List<Origin>> named = new LinkedHashMap<>();
            List<QueryShape> stars = new ArrayList<>();
            boolean hasStar = false;
            for (SelectItem<?> item : select.getSelectItems()) {
                Expression e = item.getExpression();
                if (e instanceof AllTableColumns tableStar) {
                    hasStar = true;
                    QueryShape shape = from.get(qualifier(tableStar.getTable()));
                    if (shape != null) {
                        stars.add(shape);
                    }
                } else if (e instanceof AllColumns) {
                    hasStar = true;
                    stars.addAll(from.values());
                } else {
                    String name = outputName(item);
                    if (name != null) {
                        names.add(name);
                        named.putIfAbsent(lower(name), origins(e, from));
                    }
                }
            }
            return new Built(names, hasStar, new QueryShape.Select(named, stars));
        }

        private void addFrom(Map<String, QueryShape> from, FromItem item) {
            if (item == null) {
                return;
            }
            String alias = item.getAlias() == null ? null : lower(unquote(item.getAlias().getName()));
            if (item instanceof Table table) {
                String full = relationName(table);
                QueryShape cte = full.contains(".") ? null : ctes.get(full);
                QueryShape shape = cte != null ? cte : new QueryShape.Relation(full);
                from.put(alias != null ? alias : qualifier(table), shape);
            } else if (item instanceof ParenthesedSelect sub) {
                from.put(alias != null ? alias : "", sub.getSelect() == null ? new QueryShape.Opaque()
                        : select(sub.getSelect()).shape());
            } else if (item instanceof ParenthesedFromItem nested) {
                addFrom(from, nested.getFromItem());
                if (nested.getJoins() != null) {
                    nested.getJoins().forEach(j -> addFrom(from, j.getFromItem()));
                }
            } else {
                from.put(alias != null ? alias : "#" + from.size(), new QueryShape.Opaque());
            }
        }
    }

    /** The alias, else the column's own name for a bare column; null for an unnamed expression. */
    private static String outputName(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return unquote(item.getAlias().getName());
        }
        return item.getExpression() instanceof Column c ? unquote(c.getColumnName()) : null;
    }

    /**
     * A bare column keeps its origin; a cast of one is a cast; an expression reading columns of one name
     * ({@code coalesce(a.x, b.x)}, {@code lower(x)}) is computed from it; anything else has no single origin.
     */
    private static List<Origin> origins(Expression e, Map<String, QueryShape> from) {
        if (e instanceof Column column) {
            return resolve(column, from);
        }
        if (e instanceof CastExpression cast) {
            return origins(cast.getLeftExpression(), from).stream().map(o -> o.through(Origin.Derivation.CAST))
                    .toList();
        }
        List<Column> read = new ArrayList<>();
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                read.add(column);
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect subquery, S context) {
                return null; // a scalar subquery reads its own relations
            }
        }, null);
        Set<String> names = new LinkedHashSet<>();
        read.forEach(c -> names.add(lower(unquote(c.getColumnName()))));
        if (names.size() != 1) {
            return List.of();
        }
        Set<Origin> out = new LinkedHashSet<>();
        read.forEach(c -> resolve(c, from).forEach(o -> out.add(o.through(Origin.Derivation.COMPUTED))));
        return List.copyOf(out);
    }

    /**
     * A qualified column through its table or alias; an unqualified one through every relation of the FROM
     * clause that may hold it (the selects and CTEs that list it, else every outside relation: the caller keeps
     * those whose node has the column).
     */
    private static List<Origin> resolve(Column column, Map<String, QueryShape> from) {
        String name = unquote(column.getColumnName());
        if (column.getTable() != null && column.getTable().getName() != null) {
            QueryShape shape = from.get(qualifier(column.getTable()));
            return shape == null ? List.of() : shape.origins(name);
        }
        List<Origin> listed = new ArrayList<>();
        List<Origin> outside = new ArrayList<>();
        for (QueryShape shape : from.values()) {
            (shape instanceof QueryShape.Relation ? outside : listed).addAll(shape.origins(name));
        }
        return listed.isEmpty() ? outside : listed;
    }

    /** "database.schema.table" as far as the SQL names it, unquoted and lower-cased. */
    private static String relationName(Table table) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {table.getCatalogName(), table.getSchemaName(), table.getName()}) {
            if (part != null && !part.isBlank()) {
                parts.add(lower(unquote(part)));
            }
        }
        return String.join(".", parts);
    }

    /** The last part of a qualifier ("t" of "schema.t"), which is what a FROM item is registered under. */
    private static String qualifier(Table table) {
        return table == null || table.getName() == null ? "" : lower(unquote(table.getName()));
    }

    static String unquote(String identifier) {
        if (identifier == null) {
            return "";
        }
        String s = identifier.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("`") && s.endsWith("`")
                || s.startsWith("[") && s.endsWith("]"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
