package dev.osmosis.lineage.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hard cases of column tracing (see column-lineage-cases.md beside this test): each builds a tiny DAG whose
 * models' compiled SQL names their parents by relation name, as dbt compiles {@code ref()} and {@code source()}.
 */
class ColumnTracerTest {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> docs = new HashMap<>();

    private void source(String name, String... columnTexts) {
        String id = "source.p.raw." + name;
        nodes.put(id, new Node(id, ResourceType.SOURCE, "p", name, "raw", "models/src.yml", null, "", List.of(),
                Map.of(), List.of(), List.of(), "", "", null, List.of(), "db", "raw", "\"db\".\"raw\".\"" + name
                + "\"", true));
        docs.put(id, columns(columnTexts));
    }

    private void model(String name, String sql, List<String> parents, String... columnTexts) {
        String id = "model.p." + name;
        nodes.put(id, new Node(id, ResourceType.MODEL, "p", name, null, "models/" + name + ".sql", null, "",
                List.of(), Map.of(), List.of(), parents, sql, sql, "view", List.of(), "db", "analytics",
                "\"db\".\"analytics\".\"" + name + "\"", true));
        docs.put(id, columns(columnTexts));
    }

    /** "name=text" pairs; "name" alone is an undocumented column. */
    private static Map<String, String> columns(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            m.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
        }
        return m;
    }

    private ColumnTracer tracer() {
        Manifest manifest = new Manifest(12, "p", "1.9.0", nodes, Map.of(), Set.of());
        return new ColumnTracer(manifest, Lineage.of(manifest));
    }

    private List<TracedColumn> trace(String model, String column) {
        return tracer().nearestDocumented("model.p." + model, column, id -> docs.getOrDefault(id, Map.of()));
    }

    private static String shown(List<TracedColumn> traced) {
        return String.join(" | ", traced.stream()
                .map(t -> t.node() + "." + t.column() + " = " + t.description() + " (" + t.via() + ")").toList());
    }

    @Test
    void renameThroughAnUndocumentedIntermediateReachesTheSource() {
        source("email_event", "category=The bounce category the mail server gave.");
        model("stg_email_tmp", "select * from \"db\".\"raw\".\"email_event\"", List.of("source.p.raw.email_event"),
                "category");
        model("stg_email", "with base as (select * from \"db\".\"analytics\".\"stg_email_tmp\")\n"
                        + "select category as bounce_category from base", List.of("model.p.stg_email_tmp"),
                "bounce_category");
        List<TracedColumn> traced = trace("stg_email", "bounce_category");
        assertEquals("raw.email_event.category = The bounce category the mail server gave. "
                + "(renamed from category, through stg_email_tmp)", shown(traced));
        assertEquals(2, traced.get(0).hops());
        assertEquals("source.p.raw.email_event", traced.get(0).uniqueId());
    }

    @Test
    void castsInEitherSpellingAreNamed() {
        source("orders", "amount=Order total in cents.", "placed=When the order was placed.");
        model("stg_orders", "select cast(o.amount as numeric) as amount_cents, o.placed::date as placed_on "
                + "from db.raw.orders as o", List.of("source.p.raw.orders"), "amount_cents", "placed_on");
        assertEquals("raw.orders.amount = Order total in cents. (cast of amount)",
                shown(trace("stg_orders", "amount_cents")));
        assertEquals("raw.orders.placed = When the order was placed. (cast of placed)",
                shown(trace("stg_orders", "placed_on")));
    }

    @Test
    void aJoinResolvesTableAliasesAndUnqualifiedColumnsByWhoHasThem() {
        source("customers", "id=Customer id.", "email=The customer's e-mail address.");
        source("orders", "id=Order id.", "customer_id=The ordering customer.");
        model("orders_enriched", "select o.id as order_id, c.id as customer_key, email from raw.orders o "
                        + "join raw.customers c on c.id = o.customer_id",
                List.of("source.p.raw.customers", "source.p.raw.orders"), "order_id", "customer_key", "email");
        assertEquals("raw.orders.id = Order id. (renamed from id)", shown(trace("orders_enriched", "order_id")));
        assertEquals("raw.customers.id = Customer id. (renamed from id)",
                shown(trace("orders_enriched", "customer_key")));
        assertEquals("raw.customers.email = The customer's e-mail address. ()",
                shown(trace("orders_enriched", "email")));
    }

    @Test
    void aDiamondShowsBothDocumentedAncestorsOfTheSameGeneration() {
        source("a", "status=Status as system A reports it.");
        source("b", "status=Status as system B reports it.");
        model("unioned", "select status from db.raw.a union all select status from db.raw.b",
                List.of("source.p.raw.a", "source.p.raw.b"), "status");
        assertEquals("raw.a.status = Status as system A reports it. () | "
                + "raw.b.status = Status as system B reports it. ()", shown(trace("unioned", "status")));
    }

    @Test
    void unparsableSqlFallsBackToTheSameNameInAParentInAnyCase() {
        source("events", "EVENT_ID=Unique id of the event.");
        model("stg_events", "select {{ dbt_utils.star(source('raw', 'events')) }} from {{ source('raw','events') }}",
                List.of("source.p.raw.events"), "event_id");
        assertEquals("raw.events.EVENT_ID = Unique id of the event. ()", shown(trace("stg_events", "event_id")));
    }

    @Test
    void theNearestDocumentedAncestorWinsOverAFartherOne() {
        source("users", "id=Raw user id.");
        model("stg_users", "select id as user_id from db.raw.users", List.of("source.p.raw.users"),
                "user_id=The user's id, as everywhere downstream.");
        model("dim_users", "select user_id from db.analytics.stg_users", List.of("model.p.stg_users"), "user_id");
        List<TracedColumn> traced = trace("dim_users", "user_id");
        assertEquals("stg_users.user_id = The user's id, as everywhere downstream. ()", shown(traced));
        List<TracedColumn> all = tracer().ancestors("model.p.dim_users", "user_id",
                id -> docs.getOrDefault(id, Map.of()));
        assertEquals(List.of("stg_users.user_id", "raw.users.id"),
                all.stream().map(t -> t.node() + "." + t.column()).toList());
    }

    @Test
    void nothingTracedWhenNoAncestorDocumentsIt() {
        source("t", "x");
        model("m", "select x + 1 as y from db.raw.t", List.of("source.p.raw.t"), "y");
        assertTrue(trace("m", "y").isEmpty());
    }

    @Test
    void macroExpandedSqlWithBlankLinesAndAFinalCteParses() {
        source("account", "Name=The account's name.");
        model("stg_account", "with fields as (\n\n\n    select\n\n\n    Name\n\n\n"
                        + " from \"db\".\"raw\".\"account\"\n),\n"
                        + "final as (\n\n\n    select Name as account_name from fields\n)\n\n\nselect * from final\n",
                List.of("source.p.raw.account"), "account_name");
        assertEquals("raw.account.Name = The account's name. (renamed from Name)",
                shown(trace("stg_account", "account_name")));
    }

    @Test
    void eachNodesSqlIsParsedAtMostOnce() {
        source("t", "x=X.");
        model("a", "select x from db.raw.t", List.of("source.p.raw.t"), "x");
        model("b", "select x as y from db.analytics.a", List.of("model.p.a"), "y");
        ColumnTracer tracer = tracer();
        for (int i = 0; i < 3; i++) {
            assertEquals(1, tracer.nearestDocumented("model.p.b", "y", id -> docs.getOrDefault(id, Map.of())).size());
        }
        assertEquals(2, tracer.parsedNodes()); // b and a; the source has no SQL to parse but is asked once
    }
}
