package dev.osmosis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksTheKeyAndKeyLikeStrings() {
        assertEquals("key [REDACTED] done", Redactor.redact("key my-secret-value done", "my-secret-value"));
        assertFalse(Redactor.redact("https://g/v1beta/models/x?key=AIzaSyA1234567890abcdefghijk", null)
                .contains("AIza"));
        assertFalse(Redactor.redact("bad key sk-proj-abcdefghijkl123", null).contains("abcdefghijkl"));
        assertFalse(Redactor.redact("x-goog-api-key: zzzsecretzzz", null).contains("zzzsecretzzz"));
        assertFalse(Redactor.redact("Authorization: Bearer tok-123456", null).contains("tok-123456"));
        assertEquals("nothing here", Redactor.redact("nothing here", ""));
        assertNull(Redactor.redact(null, "x"));
    }
}
