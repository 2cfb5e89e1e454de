package dev.osmosis.llm.prompt;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model's "I cannot tell" (docs/adr/0714). The prompts let it abstain: JSON null in a structured answer, the
 * single word {@link #SENTINEL} in a plain one. Models also abstain in prose the prompts forbid, writing about
 * the SQL instead of the data ("This column is not produced by the model's SQL", "Always null" for a
 * {@code cast(null as text)} compiled against an empty warehouse): such texts are abstentions too, never
 * descriptions. The patterns match the whole answer's gist, not a word inside a real description ("Null when
 * the order never shipped." is a description).
 */
public final class Abstention {
    /** What the per-column and model prompts ask for when the input does not show the meaning. */
    public static final String SENTINEL = "UNKNOWN";

    /** "Always null when the order has not shipped" describes the data: only an unconditional null abstains. */
    private static final String UNCONDITIONAL = "(?!,? (?:when|if|unless|until|before|after|for|except|while))";

    private static final List<Pattern> NON_ANSWERS = List.of(
            // about the SQL, not the data: the column is stale or the model could not find it
            Pattern.compile("\\b(?:is|are) not (?:produced|selected|present|defined|computed|derived|found|"
                    + "referenced|included|output)(?: anywhere)? (?:by|in) the (?:model'?s? )?(?:sql|query|select)"),
            Pattern.compile("\\bdoes not (?:appear|exist) in the (?:model'?s? )?(?:sql|query|select)"),
            Pattern.compile("\\bnot part of the (?:model'?s? )?(?:sql|query|select|output)"),
            // a literal null of an empty warehouse's compilation, described as if it were the data
            Pattern.compile("^(?:this (?:column|field) (?:is )?)?always (?:null|empty)\\b" + UNCONDITIONAL),
            Pattern.compile("^(?:this (?:column|field) )?(?:is |contains |holds )?(?:a )?(?:hard-?coded|constant|"
                    + "literal) null\\b"),
            Pattern.compile("\\b(?:is|are) always null\\b" + UNCONDITIONAL),
            Pattern.compile("\\bcast\\s*\\(\\s*null\\b"),
            // says it cannot tell, in words
            Pattern.compile("\\b(?:cannot|can ?not|can't|could not|couldn't) be (?:determined|inferred|known)\\b"),
            Pattern.compile("\\b(?:meaning|purpose|content) (?:of this column )?(?:is )?(?:unclear|unknown|not "
                    + "(?:clear|known|specified|evident))\\b"),
            Pattern.compile("^(?:there is )?(?:insufficient|not enough|no) (?:information|context)\\b"));

    private Abstention() {
    }

    /** Whether a plain answer (raw, as the model wrote it) abstains; {@code subject} as in {@link PlainAnswer}. */
    public static boolean isAbstention(String raw, String subject) {
        if (raw == null) {
            return false;
        }
        String text = PlainAnswer.peel(raw, subject);
        String gist = text.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
        if (gist.equals(SENTINEL.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return NON_ANSWERS.stream().anyMatch(p -> p.matcher(gist).find());
    }

    /** Whether a plain answer abstains, with no column name to peel off. */
    public static boolean isAbstention(String raw) {
        return isAbstention(raw, null);
    }
}
