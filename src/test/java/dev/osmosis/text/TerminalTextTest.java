package dev.osmosis.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escapesControlAndBidiCharactersVisibly() {
        assertEquals("\\u001B[2K\\u001B[1Gx \\u202Ey\\u2066\\u200F\\u061C \\u0000 \\u009B \\u007F",
                TerminalText.escape("\u001B[2K\u001B[1Gx \u202Ey\u2066\u200F\u061C \u0000 \u009B \u007F"));
        assertEquals("a\\nb\\r\\nc\td", TerminalText.escape("a\nb\r\nc\td"));
        assertEquals("a\nb\r\nc\\rd\te", TerminalText.escapeLines("a\nb\r\nc\rd\te"));
        assertEquals("x\\u2028y", TerminalText.escapeLines("x\u2028y"));
    }

    @Test
    void invisibleCharactersAreShownButJoinersThatScriptsNeedStay() {
        assertEquals("order\\u200B_id \\uFEFFx\\u2060", TerminalText.escape("order\u200B_id \uFEFFx\u2060"));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        assertSame(family, TerminalText.escapeLines(family));
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String plain = "Clé d'une commande — {{ doc('x') }} 😀\tC:\\dir";
        assertSame(plain, TerminalText.escape(plain));
        assertSame(plain, TerminalText.escapeLines(plain));
        assertEquals(null, TerminalText.escape(null));
    }

    /** Whatever the text, nothing a terminal acts on comes out, and escaping twice changes nothing more. */
    @Property(tries = 1000)
    void nothingATerminalActsOnGetsThrough(@ForAll("hostile") String s) {
        String one = TerminalText.escape(s);
        assertTrue(one.chars().noneMatch(c -> c != '\t' && (TerminalText.isControl(c) || TerminalText.isBidi(c)
                || TerminalText.isInvisible(c))), one);
        assertEquals(one, TerminalText.escape(one));
        String lines = TerminalText.escapeLines(s);
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' && i + 1 < lines.length() && lines.charAt(i + 1) == '\n';
            assertTrue(c == '\t' || lineBreak || !TerminalText.isControl(c) && !TerminalText.isBidi(c), lines);
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.strings().all(), Arbitraries.strings()
                .withChars("\u001B\u0000\r\n\t\u009B\u202A\u202E\u2066\u2069\u200E\u061C\u2028\u200B\uFEFF\u2060ab[\\{"));
    }
}
