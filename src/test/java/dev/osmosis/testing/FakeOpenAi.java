package dev.osmosis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer that speaks OpenAI chat completions the way a model would: a request with a json_schema answer
 * gets every requested column (and model_description) filled with a sentence naming it; a plain request gets one
 * sentence. Each answer reports usage of 100 prompt and 20 completion tokens. Requests are recorded in order.
 */
public final class FakeOpenAi implements AutoCloseable {
    public static final int PROMPT_TOKENS = 100;
    public static final int COMPLETION_TOKENS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Predicate<String> failWhen = body -> false;
    private final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight = new java.util.concurrent.atomic.AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch gate;
    private volatile java.util.function.UnaryOperator<String> decorate = text -> text;
    private volatile java.util.function.Consumer<JsonNode> onRequest = request -> { };
    /** When set, every description the server writes is this text, or JSON null for {@link #NULL_TEXT}. */
    private volatile String placeholder;
    public static final String NULL_TEXT = "\u0000null";
    /** Per column, the text a structured answer gives it ({@link #NULL_TEXT}: JSON null) instead of a sentence. */
    private final Map<String, String> columnAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    /** For a plain request, the answer to its prompt, or null for the usual sentence. */
    private volatile java.util.function.Function<String, String> plainAnswers = prompt -> null;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> beforeFirstAnswer =
            new java.util.concurrent.atomic.AtomicReference<>();

    public FakeOpenAi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    /** Environment for osmosis pointing at this server, with its cache and ledger under {@code home}. */
    public Map<String, String> env(java.nio.file.Path home) {
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

    /** Every description this server answers is passed through {@code decoration} (a hostile model, say). */
    public void decorateAnswers(java.util.function.UnaryOperator<String> decoration) {
        this.decorate = decoration;
    }

    /** Answer 500 to every request whose body contains text matching {@code predicate}. */
    public void failWhen(Predicate<String> predicate) {
        this.failWhen = predicate;
    }

    /**
     * Holds the first {@code n} requests until all {@code n} are in flight together (each waits at most a few
     * seconds), so a test can see how many calls a client really sends at once.
     */
    public void holdUntilInFlight(int n) {
        gate = new java.util.concurrent.CountDownLatch(n);
    }

    /** Runs {@code hook} on each request as it arrives, before it is answered (e.g. to interrupt the run). */
    public void onRequest(java.util.function.Consumer<JsonNode> hook) {
        this.onRequest = hook;
    }

    /** Answers every description with {@code text} ({@link #NULL_TEXT}: JSON null, or "null" in plain text). */
    public void answerEverythingWith(String text) {
        this.placeholder = text;
    }

    /** A structured answer gives {@code column} this text ({@link #NULL_TEXT}: JSON null, the model abstaining). */
    public void answerColumn(String column, String text) {
        columnAnswers.put(column, text);
    }

    /** A plain request is answered with what {@code byPrompt} returns for its prompt (null: the usual sentence). */
    public void answerPlain(java.util.function.Function<String, String> byPrompt) {
        this.plainAnswers = byPrompt;
    }

    /**
     * Runs {@code action} once, when the first request arrives and before it is answered: something that happens
     * while osmosis waits on the model (a teammate editing a file it will write).
     */
    public void beforeFirstAnswer(Runnable action) {
        beforeFirstAnswer.set(action);
    }

    /** The most requests this server was handling at the same time. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    public List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** All message text of a recorded request. */
    public static String prompt(JsonNode request) {
        StringBuilder s = new StringBuilder();
        request.path("messages").forEach(m -> s.append(m.path("content").asText()).append('\n'));
        return s.toString();
    }

    private MockResponse answer(RecordedRequest request) {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            java.util.concurrent.CountDownLatch g = gate;
            if (g != null && g.getCount() > 0) {
                g.countDown();
                g.await(3, java.util.concurrent.TimeUnit.SECONDS);
            }
            Runnable action = beforeFirstAnswer.getAndSet(null);
            if (action != null) {
                action.run();
            }
            return respond(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MockResponse.Builder().code(503).body("{\"error\": {\"message\": \"interrupted\"}}").build();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private MockResponse respond(RecordedRequest request) {
        try {
            String body = request.getBody() == null ? "{}" : request.getBody().utf8();
            JsonNode json = JSON.readTree(body);
            requests.add(json);
            onRequest.accept(json);
            if (failWhen.test(body)) {
                return new MockResponse.Builder().code(500)
                        .body("{\"error\": {\"message\": \"boom\", \"type\": \"server_error\"}}").build();
            }
            String content = placeholder != null ? placeholderContent(json, placeholder)
                    : content(json, answered.incrementAndGet());
            ObjectNode response = JSON.createObjectNode();
            response.put("id", "chatcmpl-test").put("object", "chat.completion").put("model",
                    json.path("model").asText());
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            response.putObject("usage").put("prompt_tokens", PROMPT_TOKENS)
                    .put("completion_tokens", COMPLETION_TOKENS)
                    .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
            return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                    .body(JSON.writeValueAsString(response)).build();
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{\"error\": {\"message\": \"bad json\"}}").build();
        }
    }

    /** Every text carries the answer's number (#n), so a test can tell which call wrote what. */
    private String content(JsonNode request, int n) throws IOException {
        JsonNode schema = request.path("response_format").path("json_schema").path("schema");
        if (schema.isMissingNode() && request.path("response_format").path("type").asText().equals("json_object")) {
            schema = JSON.createObjectNode();
        }
        if (schema.isMissingNode()) {
            String given = plainAnswers.apply(prompt(request));
            return given != null ? given : decorate.apply("A synthesized description (#" + n + ").");
        }
        ObjectNode answer = JSON.createObjectNode();
        if (schema.path("properties").has("model_description")) {
            answer.put("model_description", decorate.apply("A synthesized model description (#" + n + ")."));
        }
        ObjectNode columns = answer.putObject("columns");
        for (Iterator<String> it = schema.path("properties").path("columns").path("properties").fieldNames();
             it.hasNext(); ) {
            String column = it.next();
            if (columnAnswers.containsKey(column)) {
                put(columns, column, columnAnswers.get(column));
            } else {
                columns.put(column, decorate.apply("Synthesized description of " + column + " (#" + n + ")."));
            }
        }
        return JSON.writeValueAsString(answer);
    }

    private static String placeholderContent(JsonNode request, String text) throws IOException {
        JsonNode schema = request.path("response_format").path("json_schema").path("schema");
        if (schema.isMissingNode()) {
            return text.equals(NULL_TEXT) ? "null" : text;
        }
        ObjectNode answer = JSON.createObjectNode();
        if (schema.path("properties").has("model_description")) {
            put(answer, "model_description", text);
        }
        ObjectNode columns = answer.putObject("columns");
        schema.path("properties").path("columns").path("properties").fieldNames()
                .forEachRemaining(column -> put(columns, column, text));
        return JSON.writeValueAsString(answer);
    }

    private static void put(ObjectNode object, String key, String text) {
        if (text.equals(NULL_TEXT)) {
            object.putNull(key);
        } else {
            object.put(key, text);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
