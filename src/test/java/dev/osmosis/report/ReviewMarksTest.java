package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewMarksTest {
    private final ReviewMarks marks = ReviewMarks.from(Map.of());

    private static Map<String, Object> meta(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void theMarkAloneMeansAwaitingReview() {
        assertEquals(Provenance.AI_AWAITING, marks.aiState(meta("osmosis_generated", true)));
        assertEquals(Provenance.AI_AWAITING, marks.aiState(meta("osmosis_generated", "Yes")));
        assertEquals(Provenance.AI_AWAITING, marks.aiState(meta("osmosis_generated", "true", "osmosis_reviewed", "")));
        assertEquals(Provenance.AI_AWAITING, marks.aiState(meta("osmosis_generated", true, "osmosis_reviewed", null)));
    }

    @Test
    void aReviewDateMeansReviewedEvenWithoutTheMark() {
        assertEquals(Provenance.AI_REVIEWED, marks.aiState(meta("osmosis_generated", true,
                "osmosis_reviewed", "2026-12-01")));
        assertEquals(Provenance.AI_REVIEWED, marks.aiState(meta("osmosis_reviewed", new Date(0))),
                "an unquoted YAML date");
    }

    @Test
    void noMarkOrAFalseOneMeansAPerson() {
        assertNull(marks.aiState(Map.of()));
        assertNull(marks.aiState(meta("osmosis_generated", false)));
        assertNull(marks.aiState(meta("osmosis_generated", "no")));
    }

    @Test
    void keysComeFromTheLlmVars() {
        ReviewMarks custom = ReviewMarks.from(Map.of("mark_key", "ai", "review_key", "checked"));
        assertEquals(Provenance.AI_AWAITING, custom.aiState(meta("ai", true, "osmosis_reviewed", "2026-12-01")));
        assertEquals(Provenance.AI_REVIEWED, custom.aiState(meta("ai", true, "checked", "2026-12-01")));
        assertEquals(new ReviewMarks("osmosis_generated", "osmosis_reviewed"),
                ReviewMarks.from(Map.of("mark_key", " ")), "a blank key falls back to the default");
    }
}
