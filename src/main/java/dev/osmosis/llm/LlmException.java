package dev.osmosis.llm;

import dev.osmosis.OsmosisException;
import java.time.Duration;
import java.util.Optional;

/**
 * A failed LLM call, typed by what the user can do about it. Messages name provider and model and say what to do;
 * they never contain an API key.
 */
public class LlmException extends OsmosisException {
    /** What went wrong; decides retries, fallbacks and the exit code. */
    public enum Kind {
        /** 401/403: wrong or missing key. Never retried. */
        AUTHENTICATION(false, OsmosisException.USAGE),
        /** 400/404/422: the request itself is wrong (unknown model, bad parameter). Not retried. */
        BAD_REQUEST(false, OsmosisException.FAILURE),
        /** 400 because the prompt does not fit the model's context window. Not retried. */
        CONTEXT_TOO_LONG(false, OsmosisException.FAILURE),
        /** 429. Retried after the server's delay. */
        RATE_LIMITED(true, OsmosisException.FAILURE),
        /** 5xx, Anthropic 529. Retried. */
        SERVER(true, OsmosisException.FAILURE),
        /** No answer within the timeout. Retried. */
        TIMEOUT(true, OsmosisException.FAILURE),
        /** Connection refused, reset or dropped. Retried. */
        CONNECTION(true, OsmosisException.FAILURE),
        /** 200 with a body we cannot use (no content, broken JSON, wrong shape). Retried once per attempt budget. */
        MALFORMED_RESPONSE(true, OsmosisException.FAILURE),
        /** The run's cost or token budget does not allow this call. Not retried. */
        BUDGET_EXCEEDED(false, OsmosisException.FAILURE),
        /** Bad or missing configuration (unknown provider, no key). Not retried. */
        CONFIGURATION(false, OsmosisException.USAGE);

        private final boolean retryable;
        private final int exitCode;

        Kind(boolean retryable, int exitCode) {
            this.retryable = retryable;
            this.exitCode = exitCode;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final Boolean retryable;
    private final RateLimits rateLimits;

    public LlmException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        this(kind, message, retryAfter, cause, null, RateLimits.NONE);
    }

    /**
     * @param retryable  the server's own verdict (Anthropic's {@code x-should-retry}) over the kind's, or null
     * @param rateLimits the budget announced with the error response
     */
    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause, Boolean retryable,
                        RateLimits rateLimits) {
        super(kind.exitCode, message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.retryable = retryable;
        this.rateLimits = rateLimits == null ? RateLimits.NONE : rateLimits;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable != null ? retryable : kind.retryable();
    }

    /**
     * The provider cannot be reached at all (its name does not resolve, nothing listens, no route): unlike a reset
     * or a timeout, the next call will fail the same way, so a run stops calling after the first one.
     */
    public boolean unreachable() {
        if (kind != Kind.CONNECTION) {
            return false;
        }
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** The budget the provider announced with the error (a 429 may lower it). */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The delay the server asked for (retry-after, x-ratelimit-reset-*, Gemini RetryInfo), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
