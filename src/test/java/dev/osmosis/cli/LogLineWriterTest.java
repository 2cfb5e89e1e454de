package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.CapturedStderr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tinylog.Level;
import org.tinylog.Logger;

/** One warning style: a logged warning reads like the ones osmosis prints itself. */
class LogLineWriterTest {
    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    @Test
    void aLoggedWarningSaysWarningLikeEveryOtherWarning() {
        Logger.warn("model.shop.orders: the provider is slow");
        assertTrue(stderr.text().contains("warning: model.shop.orders: the provider is slow"), stderr.text());
        assertTrue(!stderr.text().contains("WARN:"), stderr.text());
        assertEquals("error: ", LogLineWriter.prefix(Level.ERROR));
        assertEquals("info: ", LogLineWriter.prefix(Level.INFO));
    }
}
