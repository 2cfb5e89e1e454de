package dev.osmosis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an OpenAI-compatible chat-completions endpoint with a fixed latency, for benchmarking the
 * scheduling of `--synthesize` without a network: every request waits {@code latency}, then a request with a
 * json_schema response format gets every requested column and model_description filled, any other request one
 * sentence. Each answer reports usage. Listens on 127.0.0.1 only, on a free port; serves requests concurrently.
 *
 * <p>Given a budget of {@code rpm} requests a minute, it announces it as OpenAI does ({@code x-ratelimit-*}) and
 * enforces it strictly: a bucket holding one second of the rate (as providers may enforce "60 rpm" as one request
 * a second), refilled evenly; a request that finds it empty gets a 429 at once.
 */
public final class FakeLlmServer implements AutoCloseable {
    static final int PROMPT_TOKENS = 100;
    static final int COMPLETION_TOKENS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration latency;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final Bucket bucket;

    /** Requests a minute, as a bucket of one second's worth refilled continuously. */
    private static final class Bucket {
        final int rpm;
        final double capacity;
        double level;
        long last = System.nanoTime();

        Bucket(int rpm) {
            this.rpm = rpm;
            this.capacity = Math.max(1, rpm / 60.0);
            this.level = capacity;
        }

        /** Takes one request if there is room; returns the level left, or -1 when the bucket was empty. */
        synchronized double take() {
            long now = System.nanoTime();
            level = Math.min(capacity, level + (now - last) * rpm / 60e9);
            last = now;
            if (level < 1) {
                return -1;
            }
            level -= 1;
            return level;
        }

        /** Go-style duration until the bucket is full again, as OpenAI's x-ratelimit-reset-requests. */
        synchronized String reset() {
            return Math.round((capacity - level) * 60_000 / rpm) + "ms";
        }
    }

    public FakeLlmServer(Duration latency) throws IOException {
        this(latency, 0);
    }

    /** @param rpm the budget to announce and enforce, 0 for none (no rate-limit headers, no 429) */
    public FakeLlmServer(Duration latency, int rpm) throws IOException {
        this.bucket = rpm > 0 ? new Bucket(rpm) : null;
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every answer, which would be charged to osmosis's scheduling.
        // The property is read once, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // One thread per request in flight: the latency is a sleep, and the server must never be the bottleneck.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-llm");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to put in OPENAI_BASE_URL, e.g. http://127.0.0.1:PORT/v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public int requests() {
        return requests.get();
    }

    /** The most requests the server held at once: how much concurrency the client really achieved. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests answered 429 because the announced budget was spent. */
    public int rateLimited() {
        return rateLimited.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (bucket != null && !withinBudget(exchange)) {
                return;
            }
            requests.incrementAndGet();
            Thread.sleep(latency.toMillis());
            byte[] body = JSON.writeValueAsBytes(response(request));
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
        } catch (IOException e) {
            byte[] body = "{\"error\": {\"message\": \"bad request body\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Announces the budget; false (after answering 429) when it is spent. */
    private boolean withinBudget(HttpExchange exchange) throws IOException {
        double left = bucket.take();
        var headers = exchange.getResponseHeaders();
        headers.add("x-ratelimit-limit-requests", String.valueOf(bucket.rpm));
        headers.add("x-ratelimit-remaining-requests", String.valueOf((long) Math.max(0, left)));
        headers.add("x-ratelimit-reset-requests", bucket.reset());
        if (left >= 0) {
            return true;
        }
        rateLimited.incrementAndGet();
        byte[] body = ("{\"error\": {\"message\": \"Rate limit reached for requests\", \"type\": \"requests\", "
                + "\"code\": \"rate_limit_exceeded\"}}").getBytes(StandardCharsets.UTF_8);
        headers.add("content-type", "application/json");
        exchange.sendResponseHeaders(429, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return false;
    }

    /** A chat.completion object answering {@code request}. */
    static ObjectNode response(JsonNode request) throws IOException {
        ObjectNode response = JSON.createObjectNode();
        response.put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("model", request.path("model").asText("fake"));
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content(request));
        response.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
                .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
        return response;
    }

    private static String content(JsonNode request) throws IOException {
        JsonNode schema = request.path("response_format").path("json_schema").path("schema");
        if (schema.isMissingNode()) {
            return "A synthesized description.";
        }
        ObjectNode answer = JSON.createObjectNode();
        if (schema.path("properties").has("model_description")) {
            answer.put("model_description", "A synthesized model description.");
        }
        ObjectNode columns = answer.putObject("columns");
        for (Iterator<String> it = schema.path("properties").path("columns").path("properties").fieldNames();
             it.hasNext(); ) {
            String column = it.next();
            columns.put(column, "Synthesized description of " + column + ".");
        }
        return JSON.writeValueAsString(answer);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
