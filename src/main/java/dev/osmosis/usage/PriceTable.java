package dev.osmosis.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.OsmosisException;
import dev.osmosis.llm.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Model prices: the table shipped in {@code prices.json} plus the user's overrides. An unknown model has no price
 * ({@link Optional#empty()}): osmosis never invents one. Local providers (ollama, lm-studio) cost nothing. Azure
 * deployments are priced as the OpenAI model of the same name. Immutable and thread-safe.
 */
public final class PriceTable {
    private static final String RESOURCE = "/prices.json";

    private final Map<String, Map<String, Price>> byProvider;
    private final Map<String, Price> overrides;
    private final String checked;

    private PriceTable(Map<String, Map<String, Price>> byProvider, Map<String, Price> overrides, String checked) {
        this.byProvider = byProvider;
        this.overrides = overrides;
        this.checked = checked;
    }

    /** The table shipped with osmosis. */
    public static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("price table " + RESOURCE + " missing from the jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, Price>> providers = new HashMap<>();
            for (var provider : root.path("providers").properties()) {
                Map<String, Price> models = new HashMap<>();
                for (var model : provider.getValue().path("models").properties()) {
                    JsonNode p = model.getValue();
                    models.put(model.getKey(), new Price(p.path("input").asDouble(), p.path("output").asDouble(),
                            p.path("context").asLong(0)));
                }
                providers.put(provider.getKey(), Map.copyOf(models));
            }
            return new PriceTable(Map.copyOf(providers), Map.of(), root.path("checked").asText("unknown"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price table " + RESOURCE, e);
        }
    }

    /**
     * This table with the user's prices on top, as given in {@code vars: dbt-osmosis: llm: prices:}: a map from
     * model name to a map with {@code input} and {@code output} (USD per million tokens) and optional
     * {@code context}.
     *
     * @throws OsmosisException (usage) naming the model when an entry is not a pair of non-negative numbers
     */
    public PriceTable withOverrides(Map<String, ?> userPrices) {
        if (userPrices == null || userPrices.isEmpty()) {
            return this;
        }
        Map<String, Price> merged = new LinkedHashMap<>(overrides);
        userPrices.forEach((model, value) -> merged.put(ModelNames.family(model), parseOverride(model, value)));
        return new PriceTable(byProvider, Map.copyOf(merged), checked);
    }

    /** The date the shipped figures were taken from the providers' pricing pages. */
    public String checked() {
        return checked;
    }

    /** The price of a model, or empty when osmosis does not know it. */
    public Optional<Price> lookup(String provider, String model) {
        String family = ModelNames.family(model);
        Price override = overrides.get(family);
        if (override != null) {
            return Optional.of(override);
        }
        if (Providers.isLocal(provider)) {
            return Optional.of(Price.FREE);
        }
        String key = Providers.speaksOpenAiModels(provider) ? Providers.OPENAI : Providers.normalize(provider);
        return Optional.ofNullable(byProvider.getOrDefault(key, Map.of()).get(family));
    }

    /** Cost in USD of the given tokens, or empty when the model's price is unknown. */
    public OptionalDouble cost(String provider, String model, long inputTokens, long outputTokens) {
        return lookup(provider, model)
                .map(p -> OptionalDouble.of(p.cost(inputTokens, outputTokens)))
                .orElse(OptionalDouble.empty());
    }

    /** Cost in USD of reported usage; empty when the price or the usage is unknown. */
    public OptionalDouble cost(String provider, String model, Usage usage) {
        if (!usage.known()) {
            return OptionalDouble.empty();
        }
        return cost(provider, model, usage.inputTokens(), usage.outputTokens());
    }

    private static Price parseOverride(String model, Object value) {
        if (value instanceof Map<?, ?> map) {
            Object in = map.get("input");
            Object out = map.get("output");
            Object ctx = map.get("context");
            if (in instanceof Number i && out instanceof Number o && i.doubleValue() >= 0 && o.doubleValue() >= 0
                    && (ctx == null || ctx instanceof Number)) {
                return new Price(i.doubleValue(), o.doubleValue(), ctx == null ? 0 : ((Number) ctx).longValue());
            }
        }
        throw OsmosisException.usage("vars: dbt-osmosis: llm: prices: " + model
                + " must be {input: USD per million input tokens, output: USD per million output tokens},"
                + " both numbers >= 0; got " + value);
    }
}
