package dev.osmosis.usage;

/**
 * A number of tokens and whether it is exact (counted with the model's own tokenizer) or an estimate.
 *
 * @param count tokens
 * @param exact true when counted with the provider's tokenizer, false when estimated
 */
public record TokenCount(long count, boolean exact) {
    public TokenCount {
        if (count < 0) {
            throw new IllegalArgumentException("token count must not be negative: " + count);
        }
    }

    public TokenCount plus(TokenCount other) {
        return new TokenCount(count + other.count, exact && other.exact);
    }
}
