package dev.osmosis.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spans of a model's answer that may hold a JSON object: each runs from a '{' to the '}' that closes it, reading
 * JSON strings and escapes from that brace on (a quote in the prose before it does not count). Scanning on from
 * every brace in turn is quadratic: an answer of 100,000 '{' kept a run busy for minutes, beyond any
 * {@code --llm-timeout}. This is one pass that follows every open brace at once, each with its own string state:
 * <ul>
 *   <li>a brace that is not followed (after JSON whitespace) by '"' or '}' cannot open a JSON object and is dropped
 *   at once, so prose braces and Jinja's double braces cost nothing;</li>
 *   <li>at most {@value #MAX_OPEN} are followed: when another opens, the oldest is dropped. The object an answer
 *   holds opens after the prose before it, so it is always among the newest; only an object nesting deeper than
 *   that is lost, and no description answer does.</li>
 * </ul>
 * Time is at most {@value #MAX_OPEN} steps per character, and the spans found are those the brace-by-brace scan
 * finds (the jqwik property in JsonExtractorTest compares them).
 */
final class BraceSpans {
    static final int MAX_OPEN = 64;

    /** One span: {@code text.substring(start, end)} starts with '{' and ends with the '}' closing it. */
    record Span(int start, int end) {
    }

    private static final byte FRESH = 0;
    private static final byte OUTSIDE = 1;
    private static final byte IN_STRING = 2;
    private static final byte ESCAPED = 3;

    private final int[] starts = new int[MAX_OPEN];
    private final int[] depths = new int[MAX_OPEN];
    private final byte[] states = new byte[MAX_OPEN];
    private int open;
    private final List<Span> spans = new ArrayList<>();

    private BraceSpans() {
    }

    /** Every span, by start. */
    static List<Span> of(String text) {
        BraceSpans scan = new BraceSpans();
        for (int i = 0; i < text.length(); i++) {
            scan.step(text.charAt(i), i);
        }
        scan.spans.sort(Comparator.comparingInt(Span::start));
        return scan.spans;
    }

    private void step(char c, int at) {
        int kept = 0;
        for (int r = 0; r < open; r++) {
            if (advance(r, c, at)) {
                if (kept != r) {
                    starts[kept] = starts[r];
                    depths[kept] = depths[r];
                    states[kept] = states[r];
                }
                kept++;
            }
        }
        open = kept;
        if (c == '{') {
            if (open == MAX_OPEN) {
                System.arraycopy(starts, 1, starts, 0, open - 1);
                System.arraycopy(depths, 1, depths, 0, open - 1);
                System.arraycopy(states, 1, states, 0, open - 1);
                open--;
            }
            starts[open] = at;
            depths[open] = 1;
            states[open] = FRESH;
            open++;
        }
    }

    /** Moves brace {@code r} past {@code c}; false when it closed (its span is recorded) or cannot be JSON. */
    private boolean advance(int r, char c, int at) {
        switch (states[r]) {
            case FRESH -> {
                if (c == '"') {
                    states[r] = IN_STRING;
                } else if (c == '}') {
                    spans.add(new Span(starts[r], at + 1));
                    return false;
                } else {
                    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
                }
            }
            case OUTSIDE -> {
                if (c == '"') {
                    states[r] = IN_STRING;
                } else if (c == '{') {
                    depths[r]++;
                } else if (c == '}' && --depths[r] == 0) {
                    spans.add(new Span(starts[r], at + 1));
                    return false;
                }
            }
            case IN_STRING -> {
                if (c == '\\') {
                    states[r] = ESCAPED;
                } else if (c == '"') {
                    states[r] = OUTSIDE;
                }
            }
            default -> states[r] = IN_STRING;
        }
        return true;
    }
}
