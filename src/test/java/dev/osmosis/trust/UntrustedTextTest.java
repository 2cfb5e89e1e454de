package dev.osmosis.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.DbtJinja;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hard cases of the filter before untrusted text enters YAML:
 * <table>
 *   <tr><td>{@code {{ env_var('SECRET') }}}</td><td>shown literally, the variable is never read</td></tr>
 *   <tr><td>{@code {{ broken}, {@code {% if %}}, {@code {# x}</td><td>render literally, no syntax error</td></tr>
 *   <tr><td>{@code {{{}, {@code {{ '{{' }}}</td><td>overlapping and already-escaped delimiters</td></tr>
 *   <tr><td>ESC, NUL, CR, DEL, C1</td><td>removed; newline and tab kept</td></tr>
 *   <tr><td>200 KB</td><td>cut after the last sentence within the cap, or refused without one</td></tr>
 * </table>
 */
class UntrustedTextTest {
    private final DbtJinja dbt = new DbtJinja();

    @ParameterizedTest
    @ValueSource(strings = {"Customer key {{ env_var('SECRET') }}", "{{ broken", "a {% if x %} b", "{# c",
            "{{{x}}}", "{{ '{{' }}", "}} %} #}", "{%- raw -%}{{ x }}{% endraw %}", "{{ var('x') }}{{ doc('y') }}",
            "{", "{{", "x{", "{#}", "{{#", "{%{{#{"})
    void writtenTextRendersToItselfInJinja(String hostile) {
        String written = UntrustedText.filter(hostile).text();
        assertFalse(UntrustedText.hasLiveJinja(written.replace(UntrustedText.LITERAL_BRACE, "")),
                "only the printing expressions osmosis adds: " + written);
        assertEquals(hostile.strip(), dbt.render(written));
    }

    @Test
    void theRendererTellsLiveJinjaApart() {
        assertEquals("Customer key LEAKED env_var(SECRET)", dbt.render("Customer key {{ env_var('SECRET') }}"));
        assertThrows(IllegalArgumentException.class, () -> dbt.render("{{ broken"));
    }

    @Property(tries = 300)
    void anyTextRendersToItself(@ForAll("jinjaish") String text) {
        UntrustedText.Result r = UntrustedText.filter(text);
        String expected = UntrustedText.removeControls(text).strip();
        assertEquals(expected, dbt.render(r.text()));
        assertEquals(UntrustedText.hasLiveJinja(expected), r.jinjaNeutralised());
    }

    @Provide
    Arbitrary<String> jinjaish() {
        return Arbitraries.strings().withChars("{}%#'\" -abx()\n\t\u001b").ofMaxLength(40);
    }

    @Test
    void textWithoutJinjaPassesUnchanged() {
        UntrustedText.Result r = UntrustedText.filter("  The order's total in USD (< 10000 & > 0).\n ");
        assertEquals("The order's total in USD (< 10000 & > 0).", r.text());
        assertEquals("", r.note());
    }

    @Test
    void controlCharactersAreRemovedButNewlinesAndTabsKept() {
        UntrustedText.Result r = UntrustedText.filter("a\u001b[2K\u001b[1Gb\u0000c\r\nd\re\tf\u007fg\u0085h");
        assertEquals("a[2K[1Gbc\nd\ne\tfgh", r.text());
        assertTrue(r.controlsRemoved());
        assertEquals("control characters removed", r.note());
    }

    @Test
    void anOverlongTextIsCutAfterItsLastSentenceWithinTheCap() {
        String sentence = "This sentence is forty characters long. ";
        String text = sentence.repeat(5_000); // 200 KB
        UntrustedText.Result r = UntrustedText.filter(text);
        assertTrue(r.text().length() <= UntrustedText.MAX_CHARS, "length " + r.text().length());
        assertTrue(r.text().endsWith("long."));
        assertEquals(text.strip().length() - r.text().length(), r.cutChars());
        assertTrue(r.note().contains("2000-character cap"), r.note());
    }

    @Test
    void anOverlongTextWithoutASentenceEndIsRefused() {
        UntrustedText.Result r = UntrustedText.filter("word ".repeat(1_000));
        assertNull(r.text());
        assertTrue(r.refused());
        assertTrue(r.note().startsWith("refused: longer than 2000 characters"), r.note());
    }

    @Test
    void aCutTextIsStillNeutralised() {
        String text = "Holds {{ env_var('X') }}. " + "y".repeat(3_000);
        UntrustedText.Result r = UntrustedText.filter(text);
        assertEquals("Holds {{ env_var('X') }}.", dbt.render(r.text()));
        assertTrue(r.jinjaNeutralised());
    }
}
