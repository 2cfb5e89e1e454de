package dev.osmosis.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rules that hold for any set of descriptions: the detector never throws (unpaired surrogates, control
 * characters, Jinja, empty text), says the same for the same texts in any order, names a language only with at
 * least {@link LanguageDetector#MIN_VOTES} votes and two thirds of them, and more of the same text never changes a
 * language it named.
 */
class LanguageDetectorProperties {
    private final LanguageDetector detector = new LanguageDetector();

    @Provide
    Arbitrary<List<String>> descriptions() {
        List<String> real = new ArrayList<>();
        LanguageDetectorTest.SAMPLES.values().forEach(real::addAll);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> sample = Arbitraries.of(real);
        Arbitrary<String> mixed = Arbitraries.oneOf(sample, sample, anyText,
                Arbitraries.of("{{ doc('x') }}", "", " ", "e.g. 3", "\uD800", "\u0000\u202E", "Y3"));
        return mixed.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void sameAnswerWhateverTheOrder(@ForAll("descriptions") List<String> texts, @ForAll long seed) {
        List<String> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(detector.detect(texts), detector.detect(shuffled));
    }

    @Property(tries = 300)
    void namesALanguageOnlyOnClearEvidence(@ForAll("descriptions") List<String> texts) {
        LanguageDetector.Result r = detector.detect(texts);
        assertEquals(texts.size(), r.texts());
        assertTrue(r.voting() <= r.texts() && r.agreeing() <= r.voting(), r.toString());
        if (r.decided()) {
            assertTrue(r.voting() >= LanguageDetector.MIN_VOTES, r.toString());
            assertTrue(3 * r.agreeing() >= 2 * r.voting(), r.toString());
            assertEquals(r.agreeing(), (int) r.votes().get(r.language()), r.toString());
        } else {
            assertTrue(!r.undecidedReason().isEmpty(), r.toString());
        }
    }

    @Property(tries = 200)
    void moreOfTheSameTextKeepsTheLanguage(@ForAll("descriptions") List<String> texts) {
        LanguageDetector.Result once = detector.detect(texts);
        List<String> twice = new ArrayList<>(texts);
        twice.addAll(texts);
        if (once.decided()) {
            assertEquals(once.language(), detector.detect(twice).language());
        }
    }
}
