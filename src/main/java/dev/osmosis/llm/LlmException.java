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

    public LlmException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(kind.exitCode, message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** The delay the server asked for (retry-after, x-ratelimit-reset-*, Gemini RetryInfo), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
