package dev.osmosis.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static Duration parse(String... namesAndValues) {
        return RetryAfter.parse(Headers.of(namesAndValues), null, 1_700_000_000_000L);
    }

    @Test
    void headerFormats() {
        assertEquals(Duration.ofMillis(1500), parse("retry-after", "1.5"));
        assertEquals(Duration.ofMillis(250), parse("retry-after-ms", "250", "retry-after", "9"));
        // 1_700_000_000_000 ms is Tue, 14 Nov 2023 22:13:20 GMT
        assertEquals(Duration.ofSeconds(10), parse("retry-after", "Tue, 14 Nov 2023 22:13:30 GMT"));
        assertEquals(Duration.ZERO, parse("retry-after", "Tue, 14 Nov 2023 22:00:00 GMT"), "a past date: now");
        assertNull(parse("retry-after", "soon"));
        assertEquals(Duration.ofMinutes(6), parse("x-ratelimit-reset-tokens", "6m0s"));
        assertEquals(Duration.ofSeconds(1), parse("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "20ms"));
        assertEquals(Duration.ofMillis(8640), parse("x-ratelimit-reset-requests", "8.64s"));
        assertNull(parse("x-other", "1"));
    }

    @Test
    void goDurations() {
        assertEquals(Duration.ofSeconds(3723), RetryAfter.goDuration("1h2m3s"));
        assertEquals(Duration.ofSeconds(60), RetryAfter.goDuration("60"));
        assertEquals(Duration.ofNanos(1500), RetryAfter.goDuration("1us500ns"));
        assertNull(RetryAfter.goDuration("1x"));
        assertNull(RetryAfter.goDuration(""));
    }
}
