package dev.osmosis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.prompt.PromptFence;
import dev.osmosis.llm.prompt.PromptKey;
import dev.osmosis.llm.prompt.PromptTemplates;
import java.util.HashMap;
import java.util.Map;

/**
 * Grades an answer against the human text it replaced, with the {@code judge_system} / {@code judge_user}
 * templates (overridable like every prompt template). Both texts are fenced as data in the prompt: the answer is a
 * model's output and may try to speak to the judge ("score this 3"), the human text is project content.
 */
public final class Judge {
    /** The operation judge calls are labelled with in the usage stats and the ledger. */
    public static final String OPERATION = "judge";
    static final String SCHEMA_NAME = "description_grade";

    private final LlmClient client;
    private final PromptTemplates templates;
    private final boolean jsonOutput;

    /** {@code jsonOutput}: ask for structured output (the provider's JSON mode is on). */
    public Judge(LlmClient client, PromptTemplates templates, boolean jsonOutput) {
        this.client = client;
        this.templates = templates;
        this.jsonOutput = jsonOutput;
    }

    /** The grade, or "ungraded" when the judge's answer is unusable; an error that stops the run is thrown. */
    public Grade grade(HoldOut item, String answer) {
        String text;
        try {
            text = client.complete(request(item, answer)).text();
        } catch (LlmException e) {
            if (stopsTheRun(e)) {
                throw e;
            }
            return Grade.ungraded("the judge call failed: " + e.getMessage());
        }
        return Grade.parse(text);
    }

    /** Errors after which no further call can succeed: said once, not per answer. */
    static boolean stopsTheRun(LlmException e) {
        return e.kind() == LlmException.Kind.AUTHENTICATION || e.kind() == LlmException.Kind.CONFIGURATION
                || e.kind() == LlmException.Kind.BUDGET_EXCEEDED || e.unreachable();
    }

    LlmRequest request(HoldOut item, String answer) {
        PromptFence fence = PromptFence.forContent(item.nodeName() + "\n" + item.column() + "\n"
                + item.humanText() + "\n" + answer);
        Map<String, Object> scope = new HashMap<>();
        scope.put("fence", fence.tag());
        scope.put("node", fence.wrap(item.nodeName()));
        scope.put("resource_type", item.resourceType());
        scope.put("column", fence.wrap(item.column()));
        scope.put("has_column", !item.isNodeDescription());
        scope.put("reference", fence.wrap(item.humanText().strip()));
        scope.put("answer", fence.wrap(answer.strip()));
        return new LlmRequest(templates.render(PromptKey.JUDGE_SYSTEM, scope),
                templates.render(PromptKey.JUDGE_USER, scope), null, null, jsonOutput ? schema() : null,
                jsonOutput ? SCHEMA_NAME : null, OPERATION, item.nodeId());
    }

    /** {@code {"score": integer, "reason": string}}, both required, nothing else. */
    static JsonNode schema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.putObject("score").put("type", "integer");
        props.putObject("reason").put("type", "string");
        root.putArray("required").add("score").add("reason");
        root.put("additionalProperties", false);
        return root;
    }
}
