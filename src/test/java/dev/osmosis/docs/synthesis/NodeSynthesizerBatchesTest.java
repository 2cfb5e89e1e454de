package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A node's batches are independent: a failed one costs only its own columns. */
class NodeSynthesizerBatchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Node node = new Node("model.p.m", ResourceType.MODEL, "p", "m", null, "models/m.sql", null, "",
            List.of(), Map.of(), List.of(), List.of(), "select 1", "", "view", List.of("p", "m"), null, null, null,
            true);
    private final SynthesisSettings batchesOfTwo = new SynthesisSettings(SynthesisSettings.Strategy.AUTO, 2, null,
            true, null, "", null);

    private static NodeDocs sixColumns() {
        List<ColumnDocs> cols = new ArrayList<>();
        for (String c : List.of("a", "b", "c", "d", "e", "f")) {
            cols.add(ColumnDocs.named(c));
        }
        return new NodeDocs("model.p.m", ResourceType.MODEL, "m", "Human text.", cols, Map.of(), true);
    }

    /** Answers every requested column, except that a request asking for {@code failing} throws {@code error}. */
    private static LlmClient answering(String failing, LlmException error, AtomicInteger sent) {
        return request -> {
            sent.incrementAndGet();
            JsonNode props = request.jsonSchema().path("properties").path("columns").path("properties");
            if (props.has(failing)) {
                throw error;
            }
            ObjectNode answer = JSON.createObjectNode();
            ObjectNode columns = answer.putObject("columns");
            props.fieldNames().forEachRemaining(c -> columns.put(c, "Text of " + c + "."));
            return new LlmResponse(answer.toString(), answer, new Usage(10, 5), "stop", null, 1, "openai", "gpt-4o",
                    false);
        };
    }

    @Test
    void aFailedBatchKeepsTheAnswersOfTheOthersAndIsNamed() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicInteger sent = new AtomicInteger();
            NodeSynthesizer synthesizer = new NodeSynthesizer(answering("a", new LlmException(
                    LlmException.Kind.SERVER, "boom"), sent), new PromptBuilder(PromptTemplates.defaults()),
                    Placeholders.of(List.of()), batchesOfTwo, pool);

            NodeSynthesizer.Outcome out = synthesizer.synthesize(node, sixColumns(), null, List.of());

            assertEquals(3, sent.get(), "every batch is sent, the failed one is not asked again per column");
            assertEquals(List.of("", "", "Text of c.", "Text of d.", "Text of e.", "Text of f."),
                    out.docs().columns().stream().map(ColumnDocs::description).toList());
            assertEquals("1 of 3 calls failed (batch 1/3: a..b), the answers of the others are kept: boom",
                    out.failure());
            assertEquals(null, out.fatal());
            assertEquals(30, out.tokens(), "the two answered batches");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBudgetRefusalStopsTheBatchesNotYetStarted() {
        AtomicInteger sent = new AtomicInteger();
        LlmException budget = new LlmException(LlmException.Kind.BUDGET_EXCEEDED, "over budget");
        // Runnable::run sends the batches in order on this thread, so the refusal comes first
        NodeSynthesizer synthesizer = new NodeSynthesizer(answering("a", budget, sent),
                new PromptBuilder(PromptTemplates.defaults()), Placeholders.of(List.of()), batchesOfTwo);

        NodeSynthesizer.Outcome out = synthesizer.synthesize(node, sixColumns(), null, List.of());

        assertEquals(1, sent.get());
        assertEquals(budget, out.fatal());
        assertEquals("over budget", out.failure());
        assertTrue(out.synthesized().isEmpty());
    }
}
