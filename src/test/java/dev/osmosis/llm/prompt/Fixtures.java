package dev.osmosis.llm.prompt;

import dev.osmosis.llm.prompt.PromptContext.Column;
import dev.osmosis.llm.prompt.PromptContext.Parent;
import java.util.List;

/** A realistic context: an orders mart built from a staging model and a source, with two gaps. */
final class Fixtures {
    static final String SQL = """
            with orders as (
                select * from {{ ref('stg_orders') }}
            ), payments as (
                select order_id, sum(amount) as amount from {{ source('shop', 'payments') }}
                where status <> 'failed' and amount > 0 & 1 = 1
                group by 1
            )
            select o.order_id, o.customer_id, o.status, p.amount as order_total, o.ordered_at
            from orders o left join payments p using (order_id)
            where o.ordered_at < current_date and o.note != 'it''s "test"'
            """;

    private Fixtures() {
    }

    /** A rendered value or prompt without its data fences (tests of what is shown, not of the fence). */
    static String unfenced(Object rendered) {
        return ((String) rendered).replaceAll("<data-[0-9a-f]{8}>\\n?", "").replaceAll("\\n?</data-[0-9a-f]{8}>", "");
    }

    /** The fence tag of the prompts rendered for {@code ctx}. */
    static String fence(PromptContext ctx) {
        return (String) PromptView.of(ctx).get("fence");
    }

    static PromptContext orders() {
        return new PromptContext("model.shop.orders", "orders", "model", "models/marts/orders.sql", "table", "",
                SQL,
                List.of(new Column("order_id", "integer", "Primary key of the order."),
                        new Column("customer_id", "integer", "The customer who placed the order."),
                        new Column("status", "varchar", ""),
                        new Column("order_total", "numeric(18,2)", ""),
                        new Column("ordered_at", "timestamp", "When the order was placed.")),
                List.of(Column.gap("status", "varchar"), Column.gap("order_total", "numeric(18,2)")),
                true,
                List.of(new Parent("stg_orders", "model", "One row per order from the shop's backend.",
                                List.of(new Column("order_id", "integer", "Primary key of the order."),
                                        new Column("status", "varchar",
                                                "Order status: placed, shipped, completed or returned."),
                                        new Column("internal_flag", "boolean", ""))),
                        new Parent("shop.payments", "source", "Payments captured by the payment provider.",
                                List.of(new Column("amount", "numeric", "Payment amount in USD (< 10000 & > 0).")))),
                "Glossary: an order is a checkout that reached payment.\nStyle: present tense.",
                null, null);
    }
}
