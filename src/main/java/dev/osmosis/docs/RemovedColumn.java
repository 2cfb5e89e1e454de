package dev.osmosis.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column `yaml refactor` removes because the catalog lacks it, with what a person may have written on it, so
 * the run can name what goes. {@link #documented} is also the rule --keep-documented-columns keeps by.
 *
 * @param node    the node's display name (model, or source.table)
 * @param carried what the column held besides its name and type: "tests: not_null, unique", "constraints",
 *                "meta", "tags", in that order
 */
public record RemovedColumn(String node, String column, String description, List<String> carried) {
    /** Keys under which dbt reads a column's tests (data_tests since dbt 1.8). */
    private static final List<String> TEST_KEYS = List.of("data_tests", "tests");
    private static final int SHOWN_CHARS = 60;

    public RemovedColumn {
        description = description == null ? "" : description;
        carried = List.copyOf(carried);
    }

    static RemovedColumn of(String node, ColumnDocs column, Placeholders placeholders) {
        String text = placeholders.isDocumented(column.description()) ? column.description() : "";
        return new RemovedColumn(node, column.name(), text, carried(column));
    }

    /**
     * A column is documented when it carries work a person may have done: a description that is not a
     * placeholder, tests, constraints, meta or tags. A name with a data_type is what osmosis itself writes.
     */
    static boolean documented(ColumnDocs column, Placeholders placeholders) {
        return placeholders.isDocumented(column.description()) || !carried(column).isEmpty();
    }

    private static List<String> carried(ColumnDocs column) {
        List<String> out = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (String key : TEST_KEYS) {
            if (column.extras().get(key) instanceof List<?> list) {
                list.forEach(t -> tests.add(testName(t)));
            }
        }
        if (!tests.isEmpty()) {
            out.add("tests: " + String.join(", ", tests));
        }
        if (column.extras().get("constraints") instanceof List<?> list && !list.isEmpty()) {
            out.add("constraints");
        }
        if (!column.meta().isEmpty()) {
            out.add("meta");
        }
        if (!column.tags().isEmpty()) {
            out.add("tags");
        }
        return out;
    }

    /** `not_null`, or the key of `{accepted_values: {...}}`. */
    private static String testName(Object test) {
        if (test instanceof Map<?, ?> map && !map.isEmpty()) {
            return String.valueOf(map.keySet().iterator().next());
        }
        return String.valueOf(test);
    }

    public boolean isDocumented() {
        return !description.isEmpty() || !carried.isEmpty();
    }

    /** One line for the terminal: `orders.legacy_id "The id in the old…" (tests: not_null; meta)`. */
    public String describe() {
        StringBuilder b = new StringBuilder(node).append('.').append(column);
        if (!description.isEmpty()) {
            b.append(" \"").append(start(description)).append('"');
        }
        if (!carried.isEmpty()) {
            b.append(" (").append(String.join("; ", carried)).append(')');
        }
        return dev.osmosis.text.TerminalText.escape(b.toString()); // the repository's text goes to a terminal
    }

    /** The description on one line, cut at a word break within {@value #SHOWN_CHARS} characters. */
    private static String start(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= SHOWN_CHARS) {
            return line;
        }
        int space = line.lastIndexOf(' ', SHOWN_CHARS);
        return line.substring(0, space > SHOWN_CHARS / 2 ? space : SHOWN_CHARS).stripTrailing() + "…";
    }

}
