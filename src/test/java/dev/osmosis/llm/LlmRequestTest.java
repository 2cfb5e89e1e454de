package dev.osmosis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmRequestTest {
    @Test
    void textRequestHasNoSchemaAndDefaultLabel() {
        LlmRequest r = LlmRequest.text(null, "hi");
        assertEquals("", r.system());
        assertFalse(r.wantsJson());
        assertEquals("other", r.operation());
        LlmRequest labelled = r.withLabel("column", "model.a.b");
        assertEquals("column", labelled.operation());
        assertEquals("model.a.b", labelled.nodeId());
    }

    @Test
    void usageKnowsWhenTheProviderDidNotReport() {
        assertFalse(Usage.UNKNOWN.known());
        assertEquals(-1, Usage.UNKNOWN.total());
        assertEquals(30, new Usage(10, 20).total());
    }

    @Test
    void responseDefaultsAndCachedCopy() {
        LlmResponse r = new LlmResponse(null, null, null, "stop", null, 1, "openai", "gpt-4o", false);
        assertEquals("", r.text());
        assertEquals(Usage.UNKNOWN, r.usage());
        LlmResponse c = r.withAttempts(2).withQueued(Duration.ofMillis(5)).asCached();
        assertTrue(c.cached());
        assertEquals(0, c.attempts());
        assertEquals(Duration.ZERO, c.queued(), "a cache hit waited for nobody");
        LlmException e = new LlmException(LlmException.Kind.RATE_LIMITED, "slow down", Duration.ofSeconds(2), null);
        assertTrue(e.retryable());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertEquals(1, e.exitCode());
        assertEquals(2, new LlmException(LlmException.Kind.AUTHENTICATION, "no").exitCode());
    }
}
