package dev.osmosis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.OsmosisException;
import dev.osmosis.cli.Osmosis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * osmosis's own plan for a project, from `yaml document --synthesize --llm-dry-run --format json` run in-process:
 * calls per node (after the flow-down of what parents get in the same run) and totals. Nothing is written.
 */
record DryRunPlan(Map<String, Integer> callsPerNode, int calls, long inputTokens, long outputTokens) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static DryRunPlan of(Path projectDir) {
        Path home = null;
        try {
            home = Files.createTempDirectory("osmosis-bench-home");
            Map<String, String> env = Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", "unused-in-a-dry-run",
                    "OPENAI_MODEL", "gpt-4o", "OSMOSIS_HOME", home.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = new Osmosis(env).run(new PrintWriter(out), new PrintWriter(err), "yaml", "document",
                    "--synthesize", "--llm-dry-run", "--no-llm-cache", "--format", "json", "--project-dir",
                    projectDir.toString());
            if (code != 0) {
                throw OsmosisException.failure("the dry run on " + projectDir + " failed (exit " + code + "): " + err);
            }
            return parse(out.toString());
        } catch (IOException e) {
            throw OsmosisException.failure("dry run: " + e.getMessage());
        } finally {
            TempDirs.delete(home);
        }
    }

    /** Reads the JSON report (the first JSON object in the output). */
    static DryRunPlan parse(String output) throws IOException {
        int start = output.indexOf('{');
        JsonNode root = JSON.readTree(start < 0 ? "{}" : output.substring(start));
        Map<String, Integer> perNode = new LinkedHashMap<>();
        root.path("nodes").forEach(n -> perNode.merge(n.path("node").asText(), n.path("calls").asInt(), Integer::sum));
        JsonNode total = root.path("total");
        return new DryRunPlan(perNode, total.path("calls").asInt(), total.path("input_tokens").asLong(),
                total.path("estimated_output_tokens").asLong());
    }
}
