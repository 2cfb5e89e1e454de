package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.Rejections;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSynthesizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Node node = new Node("model.p.m", ResourceType.MODEL, "p", "m", null, "models/m.sql", null, "",
            List.of(), Map.of(), List.of(), List.of(), "select 1", "", "view", List.of("p", "m"), null, null, null,
            true);

    @Test
    void answersThatAreProjectPlaceholdersAreAskedAgainAndHumanTextIsKept() throws Exception {
        List<LlmRequest> seen = new ArrayList<>();
        NodeSynthesizer synthesizer = new NodeSynthesizer(request -> {
            seen.add(request);
            String text = request.wantsJson()
                    ? "{\"model_description\": \"Model text.\", \"columns\": {\"a\": \"TBD\", \"b\": \"B text.\"}}"
                    : "A text.";
            return new LlmResponse(text, request.wantsJson() ? json(text) : null, new Usage(10, 5), "stop",
                    null, 1, "openai", "gpt-4o", false);
        }, new PromptBuilder(PromptTemplates.defaults()), Placeholders.of(List.of("TBD")),
                SynthesisSettings.defaults());
        NodeDocs docs = new NodeDocs("model.p.m", ResourceType.MODEL, "m", "", List.of(ColumnDocs.named("a"),
                ColumnDocs.named("b"), ColumnDocs.named("c").withDescription("Human text.", null)), Map.of(), true);

        NodeSynthesizer.Outcome out = synthesizer.synthesize(node, docs, null, List.of());

        assertEquals(2, out.calls(), "one bulk call, then one for the column it answered with a placeholder");
        assertTrue(seen.get(1).user().contains("a"), seen.get(1).user());
        assertEquals("column", seen.get(1).operation());
        assertEquals(30, out.tokens());
        assertEquals("A text.", out.docs().column("a").orElseThrow().description());
        assertEquals("B text.", out.docs().column("b").orElseThrow().description());
        assertEquals("Human text.", out.docs().column("c").orElseThrow().description());
        assertNull(out.docs().column("c").orElseThrow().meta().get("osmosis_generated"));
        assertEquals("Model text.", out.docs().description());
        assertEquals(Boolean.TRUE, out.docs().meta().get("osmosis_generated"));
        assertNull(out.failure());
    }

    /**
     * A bulk answer that repeats rejected texts: they are set aside, each gap is asked again on its own with the
     * rejected text named, and a gap the model answers with it again stays undocumented and is reported.
     */
    @Test
    void rejectedTextsFromABulkAnswerAreAskedAgainNamedAndNeverWritten() {
        List<LlmRequest> seen = new ArrayList<>();
        NodeSynthesizer synthesizer = new NodeSynthesizer(request -> {
            seen.add(request);
            String text = request.wantsJson()
                    ? "{\"model_description\": \"Old model text.\", \"columns\": {\"a\": \"Old a.\", \"b\": \"B.\"}}"
                    : request.operation().equals("model") ? "Old model text." : "New a.";
            return new LlmResponse(text, request.wantsJson() ? json(text) : null, new Usage(10, 5), "stop",
                    null, 1, "openai", "gpt-4o", false);
        }, new PromptBuilder(PromptTemplates.defaults()), Placeholders.DEFAULT, SynthesisSettings.defaults());
        // one hash as a list, one as a plain string (hand-edited YAML)
        NodeDocs docs = new NodeDocs("model.p.m", ResourceType.MODEL, "m", "", List.of(
                ColumnDocs.named("a").withMeta(Map.of(Rejections.KEY, List.of(Rejections.hash("Old  a.\n")))),
                ColumnDocs.named("b")), Map.of(Rejections.KEY, Rejections.hash("Old model text.")), true);

        NodeSynthesizer.Outcome out = synthesizer.synthesize(node, docs, null, List.of());

        assertEquals(3, out.calls(), "the bulk call, then one for each rejected answer");
        String model = seen.stream().filter(r -> r.operation().equals("model")).findFirst().orElseThrow().user()
                .replaceAll(dev.osmosis.llm.prompt.PromptFence.ANY_TAG.pattern(), "");
        assertTrue(model.contains("A reviewer rejected this description of \"m\": Old model text."), model);
        String column = seen.stream().filter(r -> r.operation().equals("column")).findFirst().orElseThrow().user()
                .replaceAll(dev.osmosis.llm.prompt.PromptFence.ANY_TAG.pattern(), "");
        assertTrue(column.contains("A reviewer rejected this description of \"a\": Old a."), column);
        assertEquals("New a.", out.docs().column("a").orElseThrow().description());
        assertEquals("B.", out.docs().column("b").orElseThrow().description());
        assertEquals("", out.docs().description(), "the model repeated it even when told: left undocumented");
        assertNull(out.docs().meta().get("osmosis_generated"));
        assertEquals(java.util.Set.of(""), out.repeatedRejected());
        assertEquals(List.of(Rejections.hash("Old a.")), Rejections.hashes(out.docs().column("a").orElseThrow()
                .meta()), "the record of the rejection stays beside the new text");
        assertNull(out.failure());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
