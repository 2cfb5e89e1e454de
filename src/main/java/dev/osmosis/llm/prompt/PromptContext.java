package dev.osmosis.llm.prompt;

import java.util.List;
import java.util.Objects;

/**
 * Everything a prompt may say about one node, filled by the synthesis scheduler. Values are raw: the SQL is
 * the full text and the parents are all direct parents; {@link PromptView} applies the {@link PromptLimits}
 * when rendering. Null strings become empty, null lists become empty.
 *
 * @param uniqueId               dbt unique id ("model.shop.orders"), used as the request's nodeId
 * @param name                   node name ("orders")
 * @param resourceType           "model", "seed", "snapshot", "source", ...
 * @param path                   file path of the node relative to the project ("models/marts/orders.sql")
 * @param materialization        "table", "view", "incremental", ... (may be empty)
 * @param description            the existing model description (empty when none)
 * @param sql                    compiled_code when present, else raw_code (may be empty)
 * @param columns                all columns of the node, with data type and existing description
 * @param gaps                   the columns to write (their description is ignored)
 * @param wantModelDescription   whether the model description is to be written too
 * @param parents                direct parents with their docs (including what this run synthesized)
 * @param userContext            free text from {@code --llm-context FILE} (empty when none)
 * @param column                 the one column of a per-column call, else null
 * @param limits                 bounds applied when rendering (null: {@link PromptLimits#DEFAULTS})
 * @param rejectedDescription    a model description a reviewer rejected and the model gave again (empty when
 *                               none): the prompt names it so the new answer differs
 * @param rawSql                 raw_code, the Jinja source (empty when unknown); the view may prefer it to a
 *                               longer compiled {@code sql} that says the same
 * @param language               the language descriptions are to be written in ("Portuguese"; empty: not said)
 */
public record PromptContext(
        String uniqueId,
        String name,
        String resourceType,
        String path,
        String materialization,
        String description,
        String sql,
        List<Column> columns,
        List<Column> gaps,
        boolean wantModelDescription,
        List<Parent> parents,
        String userContext,
        Column column,
        PromptLimits limits,
        String rejectedDescription,
        String rawSql,
        String language) {

    /** A context without raw SQL or a language. */
    public PromptContext(String uniqueId, String name, String resourceType, String path, String materialization,
                         String description, String sql, List<Column> columns, List<Column> gaps,
                         boolean wantModelDescription, List<Parent> parents, String userContext, Column column,
                         PromptLimits limits, String rejectedDescription) {
        this(uniqueId, name, resourceType, path, materialization, description, sql, columns, gaps,
                wantModelDescription, parents, userContext, column, limits, rejectedDescription, "", "");
    }

    /** A context without a rejected description. */
    public PromptContext(String uniqueId, String name, String resourceType, String path, String materialization,
                         String description, String sql, List<Column> columns, List<Column> gaps,
                         boolean wantModelDescription, List<Parent> parents, String userContext, Column column,
                         PromptLimits limits) {
        this(uniqueId, name, resourceType, path, materialization, description, sql, columns, gaps,
                wantModelDescription, parents, userContext, column, limits, "");
    }

    public PromptContext {
        uniqueId = orEmpty(uniqueId);
        name = Objects.requireNonNull(name, "name");
        resourceType = resourceType == null || resourceType.isBlank() ? "model" : resourceType;
        path = orEmpty(path);
        materialization = orEmpty(materialization);
        description = orEmpty(description);
        sql = orEmpty(sql);
        columns = columns == null ? List.of() : List.copyOf(columns);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        parents = parents == null ? List.of() : List.copyOf(parents);
        userContext = orEmpty(userContext);
        limits = limits == null ? PromptLimits.DEFAULTS : limits;
        rejectedDescription = orEmpty(rejectedDescription);
        rawSql = orEmpty(rawSql);
        language = orEmpty(language);
    }

    /** The same context for a per-column call about {@code target}. */
    public PromptContext withColumn(Column target) {
        Objects.requireNonNull(target, "column");
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                gaps, wantModelDescription, parents, userContext, target, limits, rejectedDescription, rawSql, language);
    }

    /** The same context asking for other gaps (a batch of a wide model, or a retry of what a bulk answer missed). */
    public PromptContext withGaps(List<Column> newGaps, boolean wantModel) {
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                newGaps, wantModel, parents, userContext, column, limits, rejectedDescription, rawSql, language);
    }

    /** The same context with other project-context text (a re-ask adds a note to what the user gave). */
    public PromptContext withUserContext(String newUserContext) {
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                gaps, wantModelDescription, parents, newUserContext, column, limits, rejectedDescription, rawSql,
                language);
    }

    public PromptContext withLimits(PromptLimits newLimits) {
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                gaps, wantModelDescription, parents, userContext, column, newLimits, rejectedDescription, rawSql,
                language);
    }

    /** The same context naming a model description the reviewer rejected (null or empty: none). */
    public PromptContext withRejectedDescription(String text) {
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                gaps, wantModelDescription, parents, userContext, column, limits, text, rawSql, language);
    }

    /** The same context with the node's raw (Jinja) SQL beside the compiled one. */
    public PromptContext withRawSql(String text) {
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                gaps, wantModelDescription, parents, userContext, column, limits, rejectedDescription, text,
                language);
    }

    /** The same context asking for descriptions in {@code newLanguage} (null or empty: not said). */
    public PromptContext withLanguage(String newLanguage) {
        return new PromptContext(uniqueId, name, resourceType, path, materialization, description, sql, columns,
                gaps, wantModelDescription, parents, userContext, column, limits, rejectedDescription, rawSql,
                newLanguage);
    }

    /** Names of the gaps in order, as the bulk schema and {@link BulkAnswer#parse} want them. */
    public List<String> gapNames() {
        return gaps.stream().map(Column::name).toList();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * A column: name, data type (empty when unknown), description (empty when undocumented), for a gap a
     * description a reviewer rejected that the model gave again (empty when none), the nearest documented
     * ancestors of the column (traced through undocumented intermediates and renames; empty when none) and facts
     * the project states about it (its tests, accepted values, what it points to, meta; one line each).
     */
    public record Column(String name, String dataType, String description, String rejected, List<Ancestor> ancestors,
                         List<String> facts) {
        public Column {
            name = Objects.requireNonNull(name, "column name");
            dataType = orEmpty(dataType);
            description = orEmpty(description);
            rejected = orEmpty(rejected);
            ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
            facts = facts == null ? List.of() : List.copyOf(facts);
        }

        public Column(String name, String dataType, String description, String rejected) {
            this(name, dataType, description, rejected, List.of(), List.of());
        }

        public Column(String name, String dataType, String description) {
            this(name, dataType, description, "");
        }

        /** A gap: a column still to be written. */
        public static Column gap(String name, String dataType) {
            return new Column(name, dataType, "");
        }

        /** A gap whose rejected text the prompt names (null or empty: none). */
        public Column withRejected(String text) {
            return new Column(name, dataType, description, text, ancestors, facts);
        }

        /** The same column with its traced documented ancestors. */
        public Column withAncestors(List<Ancestor> list) {
            return new Column(name, dataType, description, rejected, list, facts);
        }

        /** The same column with the facts the project states about it. */
        public Column withFacts(List<String> list) {
            return new Column(name, dataType, description, rejected, ancestors, list);
        }
    }

    /**
     * A documented column upstream that a column derives from.
     *
     * @param node        the ancestor node's display name ("stg_orders", "source_name.table_name")
     * @param resourceType "model", "source", ...
     * @param column      the ancestor's column name (may differ from the column's: a rename)
     * @param description its documentation
     * @param via         how the column was traced to it, for the prompt ("renamed from", "cast of", "through
     *                    stg_x_tmp"; empty when it passes through under its own name)
     */
    public record Ancestor(String node, String resourceType, String column, String description, String via) {
        public Ancestor {
            node = Objects.requireNonNull(node, "ancestor node");
            resourceType = resourceType == null || resourceType.isBlank() ? "model" : resourceType;
            column = Objects.requireNonNull(column, "ancestor column");
            description = orEmpty(description);
            via = orEmpty(via);
        }
    }

    /**
     * A direct parent (model, seed, snapshot or source) and its documentation.
     *
     * @param name         node name (for a source: "source_name.table_name")
     * @param resourceType "model", "source", ...
     * @param description  its description (empty when none)
     * @param columns      its columns; only documented ones are shown
     */
    public record Parent(String name, String resourceType, String description, List<Column> columns) {
        public Parent {
            name = Objects.requireNonNull(name, "parent name");
            resourceType = resourceType == null || resourceType.isBlank() ? "model" : resourceType;
            description = orEmpty(description);
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }
}
