package dev.osmosis.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.osmosis.llm.LlmRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Counts tokens before a call is made.
 *
 * <p>OpenAI (and Azure OpenAI) models are counted exactly with their own tokenizer: o200k_base for gpt-4o, gpt-4.1,
 * gpt-4.5, gpt-5 and the o-series; cl100k_base for gpt-4 and gpt-3.5. Anthropic, Gemini and local models publish no
 * offline tokenizer, so their counts are <b>estimates</b>: the o200k_base count times a provider factor, rounded up
 * (Anthropic 1.20, Gemini 1.05, others 1.10 — their tokenizers split English and SQL into somewhat more pieces, and
 * an estimate should err high so budgets hold). Estimates are marked {@code exact=false}.
 *
 * <p>Thread-safe: jtokkit encodings are immutable. Loading them takes about a second, so they are loaded once per
 * JVM on first use (a lazy holder of read-only data, not mutable state) and shared by every counter.
 */
public final class TokenCounter {
    /** Tokens OpenAI adds around every chat message (role and separators), from OpenAI's counting guide. */
    static final int TOKENS_PER_MESSAGE = 3;
    /** Tokens that prime the assistant's reply. */
    static final int REPLY_PRIMING_TOKENS = 3;
    /** Output estimate for a plain-text request without a max-tokens cap. */
    public static final int DEFAULT_TEXT_OUTPUT_TOKENS = 300;
    /** Output estimate for one string field of a JSON answer: a one- to two-sentence description. */
    public static final int TOKENS_PER_STRING_FIELD = 40;
    /** Output estimate for one non-string field (number, boolean, enum) of a JSON answer. */
    public static final int TOKENS_PER_SCALAR_FIELD = 5;
    /** Items assumed for a JSON array that states neither maxItems nor minItems. */
    public static final int DEFAULT_ARRAY_ITEMS = 5;

    private static final Map<String, Double> ESTIMATE_FACTORS = Map.of(
            Providers.ANTHROPIC, 1.20,
            Providers.GEMINI, 1.05);
    private static final double DEFAULT_ESTIMATE_FACTOR = 1.10;

    private final Encoding o200k;
    private final Encoding cl100k;

    public TokenCounter() {
        this.o200k = SharedEncodings.O200K;
        this.cl100k = SharedEncodings.CL100K;
    }

    /** Initialized by the JVM on first use, exactly once, thread-safely. */
    private static final class SharedEncodings {
        private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
        static final Encoding O200K = REGISTRY.getEncoding(EncodingType.O200K_BASE);
        static final Encoding CL100K = REGISTRY.getEncoding(EncodingType.CL100K_BASE);
    }

    /** Tokens of one piece of text as the given provider and model would count it. */
    public TokenCount count(String text, String provider, String model) {
        if (text == null || text.isEmpty()) {
            return new TokenCount(0, true);
        }
        Optional<Encoding> exact = openAiEncoding(provider, model);
        if (exact.isPresent()) {
            return new TokenCount(exact.get().countTokensOrdinary(text), true);
        }
        return new TokenCount(scale(o200k.countTokensOrdinary(text), provider), false);
    }

    /**
     * Input tokens of a whole request: system and user messages, the JSON schema when one is sent (providers count
     * it as input), plus the per-message and reply-priming overhead.
     */
    public TokenCount countRequest(LlmRequest request, String provider, String model) {
        TokenCount total = count(request.user(), provider, model);
        int messages = 1;
        if (!request.system().isEmpty()) {
            total = total.plus(count(request.system(), provider, model));
            messages++;
        }
        if (request.jsonSchema() != null) {
            total = total.plus(count(request.jsonSchema().toString(), provider, model));
        }
        long overhead = (long) messages * TOKENS_PER_MESSAGE + REPLY_PRIMING_TOKENS;
        return new TokenCount(total.count() + overhead, total.exact());
    }

    /**
     * Output tokens a request is expected to produce (always an estimate). For a JSON request: per string field
     * {@value #TOKENS_PER_STRING_FIELD} tokens, per other field {@value #TOKENS_PER_SCALAR_FIELD}, plus the field
     * names and punctuation; arrays count maxItems (else minItems, else {@value #DEFAULT_ARRAY_ITEMS}) items. For a
     * text request: {@value #DEFAULT_TEXT_OUTPUT_TOKENS}. Either is capped at the request's max output tokens.
     * Reasoning models bill hidden reasoning tokens as output on top of this.
     */
    public long estimateOutput(LlmRequest request) {
        long estimate = request.jsonSchema() == null
                ? DEFAULT_TEXT_OUTPUT_TOKENS
                : 2 + estimateJson(request.jsonSchema(), 0);
        Integer cap = request.maxOutputTokens();
        return cap != null && cap > 0 ? Math.min(estimate, cap) : estimate;
    }

    private long estimateJson(JsonNode schema, int depth) {
        if (schema == null || !schema.isObject() || depth > 20) {
            return TOKENS_PER_SCALAR_FIELD;
        }
        String type = schema.path("type").asText("");
        if (schema.has("properties") || type.equals("object")) {
            long sum = 2; // braces
            var fields = schema.path("properties").properties();
            for (var field : fields) {
                sum += o200k.countTokensOrdinary(field.getKey()) + 3 + estimateJson(field.getValue(), depth + 1);
            }
            return sum;
        }
        if (type.equals("array")) {
            int items = schema.path("maxItems").asInt(schema.path("minItems").asInt(DEFAULT_ARRAY_ITEMS));
            return 2 + (long) items * (1 + estimateJson(schema.path("items"), depth + 1));
        }
        if (type.equals("string") && !schema.has("enum")) {
            return TOKENS_PER_STRING_FIELD;
        }
        return TOKENS_PER_SCALAR_FIELD;
    }

    private Optional<Encoding> openAiEncoding(String provider, String model) {
        if (!Providers.speaksOpenAiModels(provider)) {
            return Optional.empty();
        }
        String family = ModelNames.family(model);
        if (family.startsWith("gpt-4o") || family.startsWith("chatgpt-4o") || family.startsWith("gpt-4.1")
                || family.startsWith("gpt-4.5") || family.startsWith("gpt-5") || family.startsWith("gpt-oss")
                || family.matches("o\\d.*")) {
            return Optional.of(o200k);
        }
        if (family.startsWith("gpt-4") || family.startsWith("gpt-3.5")) {
            return Optional.of(cl100k);
        }
        return Optional.empty(); // an Azure deployment name or a model we do not know: estimate
    }

    private static long scale(long o200kCount, String provider) {
        double factor = ESTIMATE_FACTORS.getOrDefault(Providers.normalize(provider), DEFAULT_ESTIMATE_FACTOR);
        return (long) Math.ceil(o200kCount * factor);
    }
}
