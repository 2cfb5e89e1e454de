package dev.osmosis.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON that osmosis prints on stdout ({@code --format json}): read by programs, but as often shown in a terminal or
 * a CI log, so every character {@link TerminalText} escapes is written as a JSON {@code \}{@code uXXXX} escape too.
 * JSON escapes C0 controls already; this adds DEL, the C1 controls, the line separators and the bidi controls. A
 * program reading the JSON gets the same text back.
 */
public final class TerminalJson {
    private TerminalJson() {
    }

    /** An indenting mapper whose output holds no character a terminal acts on. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.getFactory().setCharacterEscapes(new Escapes());
        return mapper;
    }

    private static final class Escapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (TerminalText.isControl(ch) || TerminalText.isBidi(ch) || TerminalText.isInvisible(ch)) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
