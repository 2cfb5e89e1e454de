package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osmosis.project.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random nested struct types, written as DuckDB, BigQuery and Spark print them, expand into exactly the field
 * paths (and field types) they were built from.
 */
class StructTypeProperties {
    enum Dialect { DUCKDB, BIGQUERY, SPARK }

    private static final String[] NAMES = {"id", "first_name", "Amount", "first name", "we\"ird", "a.b"};
    private static final String[] DUCKDB_LEAVES = {"INTEGER", "VARCHAR", "DECIMAL(10,2)", "VARCHAR[]",
            "MAP(VARCHAR, INTEGER)", "MAP(VARCHAR, STRUCT(x INTEGER))", "INTEGER[3]"};
    private static final String[] BIGQUERY_LEAVES = {"INT64", "STRING", "NUMERIC(10, 2)", "ARRAY<STRING>"};
    private static final String[] SPARK_LEAVES = {"int", "string", "decimal(10,2)", "array<string>",
            "map<string,int>"};

    /** A generated column type and the (path, type) pairs its expansion must produce, parent first. */
    private record Expected(String type, List<String> paths) {
    }

    @Property(tries = 300)
    void expansionFollowsTheGeneratedTree(@ForAll long seed, @ForAll Dialect dialect) {
        Random random = new Random(seed);
        List<String> paths = new ArrayList<>();
        String type = struct(random, dialect, "c", paths, 0);
        if (random.nextBoolean()) {
            type = listOf(type, dialect);
        }
        paths.add(0, "c " + type);

        Catalog.Table table = StructColumns.expand(new Catalog.Table("model.p.m", null,
                List.of(new Catalog.CatalogColumn("c", type, 1, null))));

        List<String> actual = table.columns().stream().map(c -> c.name() + " " + c.type()).toList();
        assertEquals(paths, actual, type);
        for (int i = 0; i < table.columns().size(); i++) {
            assertEquals(i + 1, table.columns().get(i).index());
        }
    }

    @Property(tries = 300)
    void truncatedOrDamagedTypesNeverFail(@ForAll long seed, @ForAll Dialect dialect, @ForAll @IntRange(max = 200) int cut) {
        Random random = new Random(seed);
        String type = struct(random, dialect, "c", new ArrayList<>(), 0);
        String damaged = type.substring(0, Math.min(cut, type.length()));
        StructType.fields(damaged);
        StructType.fields(damaged.replace(')', '>'));
    }

    @Example
    void bigQueryCatalogsThatListTheirFieldsAreNotExpandedTwice() {
        Catalog.Table table = new Catalog.Table("model.p.m", null, List.of(
                new Catalog.CatalogColumn("c", "STRUCT<a INT64>", 1, null),
                new Catalog.CatalogColumn("c.a", "INT64", 2, null)));
        assertEquals(table, StructColumns.expand(table));
    }

    @Example
    void plainTypesAreNotStructs() {
        assertEquals(List.of(), StructType.fields("VARCHAR(10)"));
        assertEquals(List.of(), StructType.fields("MAP(VARCHAR, STRUCT(x INTEGER))"));
        assertEquals(List.of(), StructType.fields("STRUCT(a INTEGER) extra"));
        assertEquals(List.of(), StructType.fields(null));
    }

    private static String struct(Random random, Dialect dialect, String parent, List<String> paths, int depth) {
        int count = 1 + random.nextInt(3);
        List<String> fields = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            if (used.contains(name) || (dialect != Dialect.DUCKDB && name.contains("\""))) {
                continue;
            }
            used.add(name);
            String path = parent + "." + name;
            int at = paths.size();
            String type;
            int kind = depth < 3 ? random.nextInt(4) : 0;
            if (kind == 1 || kind == 2) {
                List<String> nested = new ArrayList<>();
                type = struct(random, dialect, path, nested, depth + 1);
                if (kind == 2) {
                    type = listOf(type, dialect);
                }
                paths.add(path + " " + type);
                paths.addAll(nested);
            } else {
                type = leaf(random, dialect);
                paths.add(path + " " + type);
            }
            fields.add(quote(name, dialect) + (dialect == Dialect.SPARK ? ":" : " ") + type);
            assert paths.size() > at;
        }
        String inner = String.join(", ", fields);
        return switch (dialect) {
            case DUCKDB -> "STRUCT(" + inner + ")";
            case BIGQUERY -> "STRUCT<" + inner + ">";
            case SPARK -> "struct<" + inner + ">";
        };
    }

    private static String listOf(String type, Dialect dialect) {
        return switch (dialect) {
            case DUCKDB -> type + "[]";
            case BIGQUERY -> "ARRAY<" + type + ">";
            case SPARK -> "array<" + type + ">";
        };
    }

    private static String leaf(Random random, Dialect dialect) {
        String[] leaves = switch (dialect) {
            case DUCKDB -> DUCKDB_LEAVES;
            case BIGQUERY -> BIGQUERY_LEAVES;
            case SPARK -> SPARK_LEAVES;
        };
        return leaves[random.nextInt(leaves.length)];
    }

    private static String quote(String name, Dialect dialect) {
        if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return name;
        }
        char q = dialect == Dialect.DUCKDB ? '"' : '`';
        return q + name.replace(String.valueOf(q), "" + q + q) + q;
    }
}
