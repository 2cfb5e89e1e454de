package dev.osmosis.ci;

import dev.osmosis.text.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * A JUnit XML report (the Ant/Surefire format GitLab, Jenkins, Azure DevOps, CircleCI and Buildkite read): one
 * test suite whose test cases pass or fail with a message.
 */
public final class JUnitXml {
    /** One test case; {@code failure} null means it passed. */
    public record TestCase(String classname, String name, String file, int line, String failure, String details) {
    }

    private final String suite;
    private final List<TestCase> cases = new ArrayList<>();

    public JUnitXml(String suite) {
        this.suite = suite;
    }

    public JUnitXml add(TestCase testCase) {
        cases.add(testCase);
        return this;
    }

    public String render() {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        String counts = " tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\"";
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"").append(attr(suite)).append('"').append(counts).append(">\n");
        b.append("  <testsuite name=\"").append(attr(suite)).append('"').append(counts).append(">\n");
        for (TestCase c : cases) {
            b.append("    <testcase classname=\"").append(attr(c.classname())).append("\" name=\"")
                    .append(attr(c.name())).append('"');
            if (c.file() != null) {
                b.append(" file=\"").append(attr(c.file())).append("\" line=\"").append(c.line()).append('"');
            }
            if (c.failure() == null) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n      <failure message=\"").append(attr(c.failure())).append("\" type=\"")
                    .append(attr(suite)).append("\">").append(text(c.details() == null ? "" : c.details()))
                    .append("</failure>\n    </testcase>\n");
        }
        return b.append("  </testsuite>\n</testsuites>\n").toString();
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    /**
     * Escapes markup. Control and bidi characters are written as visible escapes (TerminalText: CI servers show
     * these texts), and what XML 1.0 still cannot hold (lone surrogates, U+FFFE, U+FFFF) is dropped.
     */
    private static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        TerminalText.escapeLines(s).codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF; // a lone one: no character at all
                    if (cp >= 0x20 && !surrogate && cp != 0xFFFE && cp != 0xFFFF || cp == '\t' || cp == '\n'
                            || cp == '\r') {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }
}
