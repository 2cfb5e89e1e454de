package dev.osmosis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.llm.prompt.PromptBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeLlmServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSchemaRequestGetsEveryColumnAndTheModelDescriptionAfterTheLatency() throws Exception {
        JsonNode schema = PromptBuilder.bulkSchema(List.of("order_id", "amount"), true);
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "gpt-4o")
                .set("response_format", JSON.createObjectNode().put("type", "json_schema")
                        .set("json_schema", JSON.createObjectNode().put("name", "x").set("schema", schema))));
        try (FakeLlmServer server = new FakeLlmServer(Duration.ofMillis(50))) {
            assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
            long t0 = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 50, "answers only after the latency");
            assertEquals(200, response.statusCode());
            JsonNode json = JSON.readTree(response.body());
            JsonNode answer = JSON.readTree(json.path("choices").get(0).path("message").path("content").asText());
            assertEquals("Synthesized description of order_id.", answer.path("columns").path("order_id").asText());
            assertEquals("Synthesized description of amount.", answer.path("columns").path("amount").asText());
            assertTrue(answer.path("model_description").asText().contains("model description"));
            assertEquals(FakeLlmServer.PROMPT_TOKENS, json.path("usage").path("prompt_tokens").asInt());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void anAnnouncedBudgetIsAnnouncedAndEnforcedPerSecond() throws Exception {
        String body = "{\"model\": \"gpt-4o\", \"messages\": []}";
        // 60 rpm, enforced as one request a second: the second request at once finds the bucket empty.
        try (FakeLlmServer server = new FakeLlmServer(Duration.ZERO, 60)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            assertEquals("60", first.headers().firstValue("x-ratelimit-limit-requests").orElseThrow());
            assertEquals("0", first.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
            assertTrue(first.headers().firstValue("x-ratelimit-reset-requests").orElseThrow().endsWith("ms"));
            assertEquals(429, second.statusCode());
            assertTrue(second.body().contains("rate_limit_exceeded"), second.body());
            assertEquals(1, server.requests(), "a refused request is not an answered one");
            assertEquals(1, server.rateLimited());
        }
    }

    @Test
    void aPlainRequestGetsOneSentence() throws Exception {
        JsonNode response = FakeLlmServer.response(JSON.readTree("{\"model\": \"m\", \"messages\": []}"));
        assertEquals("A synthesized description.",
                response.path("choices").get(0).path("message").path("content").asText());
        assertEquals(FakeLlmServer.COMPLETION_TOKENS, response.path("usage").path("completion_tokens").asInt());
    }
}
