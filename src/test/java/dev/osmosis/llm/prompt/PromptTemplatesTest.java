package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {
    private final PromptTemplates defaults = PromptTemplates.defaults();

    @Test
    void bulkUserPromptCarriesSqlParentsGapsAndContextUnescaped() {
        String user = Fixtures.unfenced(defaults.render(PromptKey.TABLE_USER, Fixtures.orders()));

        assertTrue(user.contains(Fixtures.SQL.strip()), "SQL verbatim, including < > & ' \" and {{ ref() }}");
        for (String escaped : List.of("&lt;", "&gt;", "&amp;", "&#39;", "&quot;", "&#")) {
            assertFalse(user.contains(escaped), "no HTML escaping: " + escaped);
        }
        assertTrue(user.contains("- model \"stg_orders\": One row per order from the shop's backend."));
        assertTrue(user.contains("  - status: Order status: placed, shipped, completed or returned."));
        assertTrue(user.contains("- source \"shop.payments\": Payments captured by the payment provider."));
        assertTrue(user.contains("  - amount: Payment amount in USD (< 10000 & > 0)."));
        assertFalse(user.contains("internal_flag"), "undocumented parent columns are not shown");
        assertTrue(user.contains("these 2 columns"));
        assertTrue(user.contains("  - status (varchar)\n  - order_total (numeric(18,2))"));
        assertTrue(user.contains("\"model_description\""));
        assertTrue(user.contains("Glossary: an order is a checkout that reached payment."));
        assertTrue(user.contains("The dbt model \"orders\" (models/marts/orders.sql), materialized as table."));
        assertFalse(user.contains("\n\n\n"), "blank-line runs are tidied");
    }

    @Test
    void bulkUserPromptWithoutModelDescriptionAsksOnlyForColumns() {
        String user = defaults.render(PromptKey.TABLE_USER, Fixtures.orders().withGaps(
                List.of(PromptContext.Column.gap("status", "varchar")), false));
        assertFalse(user.contains("model_description"));
        assertTrue(user.contains("{ \"columns\": {\"<column name>\": \"<description>\", ...} }"));
    }

    @Test
    void modelDescriptionOnlyBulkOmitsColumnsTask() {
        String user = defaults.render(PromptKey.TABLE_USER, Fixtures.orders().withGaps(List.of(), true));
        assertTrue(user.contains("{ \"model_description\": \"<description of the model>\" }"));
        assertFalse(user.contains("keyed by the exact column name"));
    }

    @Test
    void columnAndModelPromptsNameTheirSubject() {
        PromptContext ctx = Fixtures.orders();
        String column = Fixtures.unfenced(defaults.render(PromptKey.COLUMN_USER, ctx.withColumn(ctx.gaps().get(1))));
        assertTrue(column.contains("Describe the column \"order_total\" (numeric(18,2)) of the dbt model \"orders\""));
        assertTrue(column.endsWith("Reply with the description of \"order_total\" only."));
        assertTrue(column.contains("o.ordered_at < current_date"));

        String model = Fixtures.unfenced(defaults.render(PromptKey.MODEL_USER, ctx));
        assertTrue(model.startsWith("Project context"));
        assertTrue(model.contains("Describe the dbt model \"orders\""));
        assertFalse(model.contains("Its current description"), "no existing description in the fixture");
        assertTrue(defaults.render(PromptKey.MODEL_SYSTEM, ctx).contains("one to three"));
        assertTrue(defaults.render(PromptKey.COLUMN_SYSTEM, ctx).contains("one or two"));
        assertTrue(defaults.render(PromptKey.TABLE_SYSTEM, ctx).contains("single JSON object"));
    }

    @Test
    void ancestorsFactsAndLanguageReachBulkAndColumnPrompts() {
        PromptContext.Column total = PromptContext.Column.gap("order_total", "numeric")
                .withAncestors(List.of(new PromptContext.Ancestor("shop.payments", "source", "amount",
                        "Payment amount in USD.", "renamed from amount, through stg_payments")))
                .withFacts(List.of("tests: not_null", "accepted_values: 1, 2"));
        PromptContext ctx = Fixtures.orders().withGaps(List.of(total), false).withLanguage("Portuguese");

        String bulk = Fixtures.unfenced(defaults.render(PromptKey.TABLE_USER, ctx));
        assertTrue(bulk.contains("- source \"shop.payments\", column amount (renamed from amount, through stg_payments): "
                + "Payment amount in USD."), bulk);
        assertTrue(bulk.contains("    - tests: not_null\n    - accepted_values: 1, 2"), bulk);
        assertTrue(bulk.contains("Write every description in Portuguese"), bulk);

        String column = Fixtures.unfenced(defaults.render(PromptKey.COLUMN_USER, ctx.withColumn(total)));
        assertTrue(column.contains("column amount (renamed from amount, through stg_payments): Payment amount in USD."),
                column);
        assertTrue(column.contains("- accepted_values: 1, 2"), column);
        assertTrue(column.contains("Write it in Portuguese"), column);
        String plain = Fixtures.unfenced(defaults.render(PromptKey.TABLE_USER, Fixtures.orders()));
        assertFalse(plain.contains("Documented upstream") || plain.contains("Write every description in"), plain);
    }

    @Test
    void minimalContextRendersWithoutEmptyLabels() {
        PromptContext bare = new PromptContext(null, "lonely", null, null, null, null, null, null,
                List.of(PromptContext.Column.gap("id", null)), false, null, null, null, null);
        String user = defaults.render(PromptKey.TABLE_USER, bare);
        assertTrue(user.startsWith("The dbt model \"lonely\"."));
        assertFalse(user.contains("SQL:"));
        assertFalse(user.contains("Project context"));
        assertFalse(user.contains("direct parents"));
        assertTrue(user.contains("  - id\n"));
    }

    @Test
    void renderByNameAcceptsKeysAndAliases() {
        PromptContext ctx = Fixtures.orders();
        assertEquals(defaults.render(PromptKey.TABLE_USER, ctx), defaults.render("bulk_user", ctx));
        assertEquals(defaults.render(PromptKey.COLUMN_SYSTEM, ctx), defaults.render("COLUMN_SYSTEM", ctx));
        assertThrows(IllegalArgumentException.class, () -> defaults.render("nope", ctx));
        assertEquals("default prompts/table_user.mustache", defaults.origin(PromptKey.TABLE_USER));
        assertEquals(PromptTemplates.defaultSource(PromptKey.TABLE_USER), defaults.source(PromptKey.TABLE_USER));
    }

    @Test
    void keysKnowTheirNames() {
        assertEquals("OSMOSIS_LLM_PROMPT_COLUMN_SYSTEM", PromptKey.COLUMN_SYSTEM.envVar());
        assertEquals("table_user.mustache", PromptKey.TABLE_USER.fileName());
        assertEquals("model_system, model_user, column_system, column_user, table_system, table_user, "
                + "judge_system, judge_user",
                PromptKey.allKeys());
        assertTrue(PromptKey.parse(null).isEmpty());
        assertEquals(PromptKey.TABLE_SYSTEM, PromptKey.parse(" Bulk_System ").orElseThrow());
    }

    @Test
    void rendersConcurrentlyWithTheSameResult() throws Exception {
        PromptContext ctx = Fixtures.orders();
        String expected = defaults.render(PromptKey.TABLE_USER, ctx);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> defaults.render(PromptKey.TABLE_USER, ctx)));
            }
            for (Future<String> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
