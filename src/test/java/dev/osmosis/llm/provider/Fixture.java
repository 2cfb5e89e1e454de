package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;

/** One recorded exchange from src/test/resources/llm-fixtures, replayable as a MockWebServer response. */
public record Fixture(String name, int status, Map<String, String> headers, String body, JsonNode request) {
    /** Framing headers the mock must compute itself. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "content-encoding");

    public static Fixture load(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream("/llm-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode response = root.path("response");
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!FRAMING.contains(e.getKey())) {
                    headers.put(e.getKey(), e.getValue().asText());
                }
            }
            return new Fixture(name, response.path("status").asInt(), headers, response.path("body").asText(),
                    root.path("request"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MockResponse toResponse() {
        MockResponse.Builder b = new MockResponse.Builder().code(status).body(body);
        headers.forEach(b::addHeaderLenient);
        return b.build();
    }
}
