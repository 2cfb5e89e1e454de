package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TerminalWidthTest {
    @Test
    void aTerminalIsAskedForItsWidthWithoutCOLUMNSExported() {
        assertEquals(57, TerminalWidth.of(Map.of(), true, () -> OptionalInt.of(57)));
        assertEquals(57, TerminalWidth.of(Map.of("COLUMNS", "200"), true, () -> OptionalInt.of(57)));
    }

    @Test
    void COLUMNSThenEightyWhenTheTerminalCannotSay() {
        assertEquals(132, TerminalWidth.of(Map.of("COLUMNS", "132"), true, OptionalInt::empty));
        assertEquals(80, TerminalWidth.of(Map.of("COLUMNS", "wide"), true, OptionalInt::empty));
        assertEquals(80, TerminalWidth.of(Map.of("COLUMNS", "0"), true, () -> OptionalInt.of(0)));
        assertEquals(80, TerminalWidth.of(Map.of(), false, () -> {
            throw new AssertionError("a CI log has no terminal to ask");
        }));
    }
}
