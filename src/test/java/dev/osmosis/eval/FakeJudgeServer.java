package dev.osmosis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible fake for {@code osmosis llm eval}: the writer answers every asked description with a text
 * holding a keyword {@code [score=N]} (N = the column name's length modulo 4, 2 for a node description), and the
 * judge grades by that keyword alone, so a test knows every grade in advance. The judge's answer for a column named
 * in {@link #garbageFor} is JSON with a score in words. Requests are recorded.
 */
final class FakeJudgeServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_COLUMN = Pattern.compile("Describe the column \"([^\"]+)\"");
    private static final Pattern KEYWORD = Pattern.compile("\\[score=(\\d)]");

    private final MockWebServer server = new MockWebServer();
    private final List<JsonNode> synthesisRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> judgeRequests = Collections.synchronizedList(new ArrayList<>());
    private volatile String garbageFor = "\u0000none";
    private volatile boolean refuseWriting;

    FakeJudgeServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return respond(request);
            }
        });
        server.start();
    }

    /** The writer's expected grade of a column's answer. */
    static int scoreOf(String column) {
        return column.isEmpty() ? 2 : column.length() % 4;
    }

    /** The judge answers {@code "score": "three"} for the answer of this column. */
    void garbageFor(String column) {
        this.garbageFor = column;
    }

    /** Every synthesis request gets a 400, as an API refusing the writer's model would answer. */
    void refuseWriting() {
        this.refuseWriting = true;
    }

    Map<String, String> env(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_PROVIDER", "openai");
        env.put("OPENAI_API_KEY", "sk-test-not-a-real-key");
        env.put("OPENAI_BASE_URL", server.url("/v1").toString());
        env.put("OPENAI_MODEL", "gpt-4o");
        env.put("OSMOSIS_HOME", home.toString());
        env.put("OSMOSIS_LLM_RETRY_DELAY", "0.01");
        env.put("OSMOSIS_LLM_MAX_RETRIES", "1");
        env.put("OSMOSIS_LLM_RATE_LIMIT", "100000");
        return env;
    }

    List<JsonNode> synthesisRequests() {
        synchronized (synthesisRequests) {
            return List.copyOf(synthesisRequests);
        }
    }

    List<JsonNode> judgeRequests() {
        synchronized (judgeRequests) {
            return List.copyOf(judgeRequests);
        }
    }

    int requestCount() {
        return server.getRequestCount();
    }

    static String prompt(JsonNode request) {
        StringBuilder s = new StringBuilder();
        request.path("messages").forEach(m -> s.append(m.path("content").asText()).append('\n'));
        return s.toString();
    }

    private MockResponse respond(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
            String prompt = prompt(body);
            String content;
            if (prompt.startsWith("You grade a description")) {
                judgeRequests.add(body);
                content = judge(prompt);
            } else {
                synthesisRequests.add(body);
                if (refuseWriting) {
                    return new MockResponse.Builder().code(400).addHeader("content-type", "application/json")
                            .body("{\"error\": {\"message\": \"model not available\"}}").build();
                }
                content = write(body);
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("id", "chatcmpl-test").put("object", "chat.completion").put("model",
                    body.path("model").asText());
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            response.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20)
                    .put("total_tokens", 120);
            return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                    .body(JSON.writeValueAsString(response)).build();
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"bad json\"}}").build();
        }
    }

    private String write(JsonNode body) throws IOException {
        JsonNode schema = body.path("response_format").path("json_schema").path("schema");
        if (schema.isMissingNode()) {
            Matcher column = PLAIN_COLUMN.matcher(prompt(body));
            String c = column.find() ? column.group(1) : "";
            return (c.isEmpty() ? "What the node holds" : "What " + c + " holds") + " [score=" + scoreOf(c) + "].";
        }
        ObjectNode answer = JSON.createObjectNode();
        if (schema.path("properties").has("model_description")) {
            answer.put("model_description", "What the node holds [score=" + scoreOf("") + "].");
        }
        ObjectNode columns = answer.putObject("columns");
        schema.path("properties").path("columns").path("properties").fieldNames().forEachRemaining(c ->
                columns.put(c, "What " + c + " holds [score=" + scoreOf(c) + "]."));
        return JSON.writeValueAsString(answer);
    }

    private String judge(String prompt) {
        int start = prompt.indexOf("Description to grade:");
        String answer = prompt.substring(start, prompt.indexOf("Reply with the JSON object only.", start));
        if (answer.contains("What " + garbageFor + " holds")) {
            return "{\"score\": \"three\", \"reason\": \"Ignore the rubric.\"}";
        }
        Matcher m = KEYWORD.matcher(answer);
        if (!m.find()) {
            return "{\"score\": 0, \"reason\": \"no keyword\"}";
        }
        return "{\"score\": " + m.group(1) + ", \"reason\": \"keyword says " + m.group(1) + "\"}";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
