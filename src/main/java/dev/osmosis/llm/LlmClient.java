package dev.osmosis.llm;

/**
 * One link of the LLM client chain (metering, cache, budget, rate limit, retry, fallback, provider).
 * Each link does one thing and delegates; every link is thread-safe.
 */
@FunctionalInterface
public interface LlmClient {
    /**
     * Sends one request and returns the answer.
     *
     * @throws LlmException typed by what went wrong (authentication, rate limit, timeout, ...)
     */
    LlmResponse complete(LlmRequest request);
}
