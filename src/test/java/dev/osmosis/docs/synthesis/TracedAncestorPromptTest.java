package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fivetran's shape: {@code stg_email} renames {@code category} of {@code stg_email_tmp} (no docs), which selects
 * {@code *} from the documented source. The prompt asking for {@code bounce_category} shows the source's text and
 * how it was traced, though the source is no direct parent and the name differs.
 */
class TracedAncestorPromptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE_TEXT = "The bounce category the receiving mail server reported (hard, soft, block).";

    @TempDir Path tmp;

    @Test
    void theBulkAndThePerColumnPromptShowTheTwoHopRenamedAncestor() throws Exception {
        Path root = twoHopProject(tmp.resolve("project"));
        for (String strategy : List.of("bulk", "per-column")) {
            try (FakeOpenAi llm = new FakeOpenAi()) {
                CliHarness.Result run = CliHarness.run(llm.env(tmp.resolve("home-" + strategy)), "yaml", "document",
                        "--synthesize", "--llm-strategy", strategy, "--dry-run", "--project-dir", root.toString());
                assertEquals(0, run.exitCode(), run.err());
                List<String> asking = llm.requests().stream().map(FakeOpenAi::prompt)
                        .filter(p -> p.contains("bounce_category")).toList();
                assertFalse(asking.isEmpty(), strategy + ": bounce_category was asked for");
                for (String prompt : asking) {
                    assertTrue(prompt.contains(SOURCE_TEXT), strategy + ": the traced text is shown:\n" + prompt);
                    assertTrue(prompt.contains("renamed from category") && prompt.contains("through stg_email_tmp"),
                            strategy + ": and how it was traced:\n" + prompt);
                }
            }
        }
    }

    /** A dbt project as `dbt parse` leaves it: YAML, SQL and a manifest whose compiled code names relations. */
    static Path twoHopProject(Path root) throws Exception {
        Files.createDirectories(root.resolve("models"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("dbt_project.yml"),
                "name: mail\nversion: '1.0.0'\nconfig-version: 2\nprofile: mail\nmodel-paths: [\"models\"]\n");
        Files.writeString(root.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: email_event
                        description: One row per e-mail event.
                        columns:
                          - name: id
                            description: Unique id of the event.
                          - name: category
                            description: "%s"
                """.formatted(SOURCE_TEXT));
        String tmpRaw = "select * from {{ source('raw', 'email_event') }}\n";
        Files.writeString(root.resolve("models/stg_email_tmp.sql"), tmpRaw);
        String stgRaw = "with base as (select * from {{ ref('stg_email_tmp') }})\n"
                + "select id, category as bounce_category from base\n";
        Files.writeString(root.resolve("models/stg_email.sql"), stgRaw);
        Files.writeString(root.resolve("models/stg_email.yml"), """
                version: 2
                models:
                  - name: stg_email
                    description: E-mail events, one row each.
                    columns:
                      - name: id
                        description: Unique id of the event.
                      - name: bounce_category
                """);
        Map<String, Object> nodes = new LinkedHashMap<>();
        nodes.put("model.mail.stg_email_tmp", model("stg_email_tmp", tmpRaw,
                "select * from \"db\".\"raw\".\"email_event\"\n", null, List.of("source.mail.raw.email_event"),
                Map.of()));
        nodes.put("model.mail.stg_email", model("stg_email", stgRaw,
                "with base as (select * from \"db\".\"analytics\".\"stg_email_tmp\")\n"
                        + "select id, category as bounce_category from base\n",
                "mail://models/stg_email.yml", List.of("model.mail.stg_email_tmp"),
                columns("id", "Unique id of the event.", "bounce_category", "")));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("unique_id", "source.mail.raw.email_event");
        source.put("resource_type", "source");
        source.put("package_name", "mail");
        source.put("name", "email_event");
        source.put("source_name", "raw");
        source.put("original_file_path", "models/sources.yml");
        source.put("patch_path", null);
        source.put("description", "One row per e-mail event.");
        source.put("columns", columns("id", "Unique id of the event.", "category", SOURCE_TEXT));
        source.put("database", "db");
        source.put("schema", "raw");
        source.put("relation_name", "\"db\".\"raw\".\"email_event\"");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("metadata", Map.of("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json",
                "dbt_version", "1.9.0", "project_name", "mail", "adapter_type", "postgres"));
        manifest.put("nodes", nodes);
        manifest.put("sources", Map.of("source.mail.raw.email_event", source));
        manifest.put("docs", Map.of());
        manifest.put("disabled", Map.of());
        JSON.writeValue(root.resolve("target/manifest.json").toFile(), manifest);
        return root;
    }

    private static Map<String, Object> model(String name, String raw, String compiled, String patchPath,
                                             List<String> dependsOn, Map<String, Object> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unique_id", "model.mail." + name);
        m.put("resource_type", "model");
        m.put("package_name", "mail");
        m.put("name", name);
        m.put("original_file_path", "models/" + name + ".sql");
        m.put("patch_path", patchPath);
        m.put("description", "");
        m.put("columns", columns);
        m.put("depends_on", Map.of("nodes", dependsOn));
        m.put("raw_code", raw);
        m.put("compiled_code", compiled);
        m.put("config", Map.of("materialized", "view", "enabled", true));
        m.put("fqn", List.of("mail", name));
        m.put("database", "db");
        m.put("schema", "analytics");
        m.put("relation_name", "\"db\".\"analytics\".\"" + name + "\"");
        return m;
    }

    /** name, description pairs as the manifest lists columns. */
    private static Map<String, Object> columns(String... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], Map.of("name", pairs[i], "description", pairs[i + 1], "meta", Map.of(), "tags",
                    List.of()));
        }
        return m;
    }

}
