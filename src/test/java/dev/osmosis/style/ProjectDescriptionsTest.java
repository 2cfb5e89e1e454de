package dev.osmosis.style;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.DbtProject;
import dev.osmosis.project.DocBlock;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.review.ReviewKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which texts tell the project's language.
 * <table>
 *   <caption>cases</caption>
 *   <tr><th>text</th><th>counted</th></tr>
 *   <tr><td>a person's model, source or column description of the own package</td><td>yes, once per distinct
 *       text</td></tr>
 *   <tr><td>an installed package's description or doc block</td><td>no</td></tr>
 *   <tr><td>a placeholder, an AI-marked text (awaiting review or reviewed)</td><td>no</td></tr>
 *   <tr><td>{{ doc("x") }} alone, Jinja around words</td><td>the reference no; the words yes</td></tr>
 *   <tr><td>the own package's doc block</td><td>yes</td></tr>
 * </table>
 */
class ProjectDescriptionsTest {
    @Test
    void onlyTheOwnPackagesHumanWrittenTextCounts() {
        Node own = node("model.shop.orders", "shop");
        Node other = node("model.fivetran.stg", "fivetran");
        NodeDocs ownDocs = new NodeDocs(own.uniqueId(), ResourceType.MODEL, "orders", "Um pedido por linha.",
                List.of(column("id", "Identificador do pedido.", Map.of()),
                        column("copy", "Identificador do pedido.", Map.of()),
                        column("status", "Not documented", Map.of()),
                        column("ai", "Written by a model.", Map.of("osmosis_generated", true)),
                        column("reviewed", "Reviewed model text.", Map.of("osmosis_generated", true,
                                "osmosis_reviewed", "2026-01-01")),
                        column("ref", "{{ doc('status') }}", Map.of()),
                        column("mixed", "Valor {{ var('moeda') }} do pedido", Map.of())),
                Map.of(), true);
        NodeDocs otherDocs = new NodeDocs(other.uniqueId(), ResourceType.MODEL, "stg", "One row per account.",
                List.of(column("id", "The account id.", Map.of())), Map.of(), false);
        Map<String, DocBlock> blocks = Map.of(
                "doc.shop.status", new DocBlock("doc.shop.status", "shop", "status", "Situação do pedido."),
                "doc.fivetran.x", new DocBlock("doc.fivetran.x", "fivetran", "x", "The x of Fivetran."),
                "doc.dbt.__overview__", new DocBlock("doc.dbt.__overview__", "dbt", "__overview__", "dbt docs."));
        Manifest manifest = new Manifest(12, "shop", "1.9.0", Map.of(own.uniqueId(), own, other.uniqueId(), other),
                blocks, Set.of());
        DbtProject config = new DbtProject("shop", List.of("models"), List.of("seeds"), List.of("snapshots"),
                "target", Map.of(), Map.of());
        Project project = new Project(Path.of("/repo"), config, manifest, Catalog.EMPTY);

        Set<String> texts = ProjectDescriptions.of(project, Map.of(own.uniqueId(), ownDocs, other.uniqueId(),
                otherDocs), Placeholders.DEFAULT, ReviewKeys.DEFAULT);

        assertEquals(Set.of("Um pedido por linha.", "Identificador do pedido.", "Valor do pedido",
                "Situação do pedido."), texts);
    }

    private static ColumnDocs column(String name, String description, Map<String, Object> meta) {
        return new ColumnDocs(name, description, null, List.of(), meta, Map.of(), null);
    }

    private static Node node(String id, String pkg) {
        return new Node(id, ResourceType.MODEL, pkg, id.substring(id.lastIndexOf('.') + 1), null, "models/x.sql",
                null, "", List.of(), Map.of(), List.of(), List.of(), "", "", "view", List.of(pkg, "x"), "db",
                "analytics", null, true);
    }
}
