package dev.osmosis.llm.chain;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import java.util.List;
import org.tinylog.Logger;

/**
 * Tries an ordered chain of clients (each normally a retrying client for one model): when one fails on a
 * retryable error after its own retries, the next is tried. Errors retrying cannot fix (authentication, bad
 * request, context too long, configuration, budget) stop the chain, because another model would fail the same
 * way or would hide a mistake the user must fix.
 */
public final class FallbackClient implements LlmClient {
    private final List<LlmClient> chain;

    public FallbackClient(List<LlmClient> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one client");
        }
        this.chain = List.copyOf(chain);
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        LlmException last = null;
        for (int i = 0; i < chain.size(); i++) {
            try {
                return chain.get(i).complete(request);
            } catch (LlmException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
                if (i + 1 < chain.size()) {
                    Logger.warn("{} Falling back to the next model ({} of {}).", e.getMessage(), i + 2, chain.size());
                }
            }
        }
        throw last;
    }
}
