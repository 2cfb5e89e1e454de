package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EofBlankLinesTest {
    @Test
    void blankLinesAtTheEndGoAndTheLastLineBreakStays() {
        assertEquals("a: 1\n", EofBlankLines.strip("a: 1\n\n\n"));
        assertEquals("a: 1\r\n", EofBlankLines.strip("a: 1\r\n  \r\n\r\n"));
        assertEquals("a: 1   \n", EofBlankLines.strip("a: 1   \n \t\n"));
    }

    @Test
    void aFileWithoutTrailingBlankLinesIsLeftAsItIs() {
        assertEquals("a: 1\n", EofBlankLines.strip("a: 1\n"));
        assertEquals("a: 1", EofBlankLines.strip("a: 1"));
        assertEquals("\n\n", EofBlankLines.strip("\n\n"));
        assertEquals("", EofBlankLines.strip(""));
    }
}
