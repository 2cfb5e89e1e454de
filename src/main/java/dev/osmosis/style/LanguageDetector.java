package dev.osmosis.style;

import java.lang.Character.UnicodeScript;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dominant language of a set of human-written descriptions. Each description votes for the language it reads
 * as, or abstains when it shows none ("Primary key", "Customer id" carry no function word): by its script for
 * non-Latin text (Japanese, Chinese, Korean, Russian, Ukrainian, Greek, Arabic, Persian, Urdu, Hebrew, Thai,
 * Hindi), by
 * the function words and telling letters of {@link LanguageProfiles} for Latin text. A language is named only with
 * enough evidence: at least {@link #MIN_VOTES} voting descriptions, and at least two thirds of the votes. One long
 * text weighs as much as one short one, and the order of the texts never matters.
 */
public final class LanguageDetector {
    /** Fewer descriptions that show a language than this say nothing. */
    public static final int MIN_VOTES = 5;

    private static final java.util.regex.Pattern ABBREVIATIONS = java.util.regex.Pattern.compile(
            "\\b(?:e\\.g|i\\.e|etc|vs|cf)\\.");
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("\\S+");
    private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile("\\w\\.\\w");

    private final LanguageProfiles profiles = LanguageProfiles.DEFAULT;

    /**
     * What the texts say.
     *
     * @param language the dominant language, or null when the evidence is too thin or mixed
     * @param agreeing descriptions that read as {@code language} (as the leading language when none is named)
     * @param voting   descriptions that read as some language
     * @param texts    descriptions looked at
     * @param votes    votes per language, by name
     */
    public record Result(String language, int agreeing, int voting, int texts, Map<String, Integer> votes) {
        public Result {
            votes = java.util.Collections.unmodifiableMap(new TreeMap<>(votes));
        }

        public boolean decided() {
            return language != null;
        }

        /** Why no language was named, for a log line; empty when one was. */
        public String undecidedReason() {
            if (decided()) {
                return "";
            }
            if (voting < MIN_VOTES) {
                return "too little text: " + voting + " of " + texts + " human-written descriptions show a language,"
                        + " at least " + MIN_VOTES + " are needed";
            }
            return "no clear majority among " + voting + " descriptions: " + votes;
        }
    }

    public Result detect(Collection<String> texts) {
        Map<String, Integer> votes = new TreeMap<>();
        int count = 0;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            count++;
            String language = languageOf(text);
            if (language != null) {
                votes.merge(language, 1, Integer::sum);
            }
        }
        int voting = votes.values().stream().mapToInt(Integer::intValue).sum();
        // the most votes; a tie goes to the first name, so the answer never depends on the order of the texts
        String leader = null;
        int best = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > best) {
                leader = e.getKey();
                best = e.getValue();
            }
        }
        boolean clear = voting >= MIN_VOTES && 3L * best >= 2L * voting;
        return new Result(clear ? leader : null, best, voting, count, votes);
    }

    /** The language one description reads as, or null when it shows none or is split between two. */
    String languageOf(String text) {
        Map<UnicodeScript, Integer> scripts = new EnumMap<>(UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(cp -> scripts.merge(script(cp), weight(cp),
                Integer::sum));
        UnicodeScript main = null;
        int most = 0;
        for (Map.Entry<UnicodeScript, Integer> e : scripts.entrySet()) {
            if (e.getValue() > most) {
                main = e.getKey();
                most = e.getValue();
            }
        }
        if (main == null) {
            return null;
        }
        return main == UnicodeScript.LATIN ? latin(text) : byScript(main, text);
    }

    private static UnicodeScript script(int codePoint) {
        try {
            UnicodeScript s = UnicodeScript.of(codePoint);
            // Japanese writes with kanji and kana together: count them as one script, told apart below
            return s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA ? UnicodeScript.HAN : s;
        } catch (IllegalArgumentException e) {
            return UnicodeScript.UNKNOWN;
        }
    }

    /** A CJK character is about a word where a Latin word takes some five letters. */
    private static int weight(int codePoint) {
        UnicodeScript s = script(codePoint);
        return s == UnicodeScript.HAN || s == UnicodeScript.HANGUL ? 3 : 1;
    }

    private static String byScript(UnicodeScript main, String text) {
        return switch (main) {
            case HAN -> text.codePoints().anyMatch(cp -> {
                UnicodeScript s = UnicodeScript.of(cp);
                return s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA;
            }) ? "Japanese" : "Chinese";
            case HANGUL -> "Korean";
            case CYRILLIC -> has(text, "іїєґІЇЄҐ") ? "Ukrainian" : "Russian";
            case GREEK -> "Greek";
            case ARABIC -> has(text, "ٹڈڑںے") ? "Urdu" : has(text, "پچژگ") ? "Persian" : "Arabic";
            case HEBREW -> "Hebrew";
            case THAI -> "Thai";
            case DEVANAGARI -> "Hindi";
            default -> null;
        };
    }

    private static boolean has(String text, String letters) {
        return text.codePoints().anyMatch(cp -> letters.indexOf(cp) >= 0);
    }

    private String latin(String text) {
        Map<String, Double> score = new TreeMap<>();
        // "e.g." is not Portuguese "e", nor "geoportal.gov.uk/af" Danish "af": abbreviations, addresses and dotted
        // names are no words
        String lower = withoutNonWords(text.toLowerCase(java.util.Locale.ROOT));
        StringBuilder word = new StringBuilder();
        java.util.Set<Integer> seenLetters = new java.util.HashSet<>();
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(cp) || cp == '_') {
                // "Y3" and "order_id" are names, not the Spanish "y" or the English "order": a token is the whole run
                word.appendCodePoint(cp);
                if (Character.isLetter(cp) && seenLetters.add(cp)) {
                    profiles.letter(cp).forEach((language, w) -> score.merge(language, w, Double::sum));
                }
            } else if (word.length() > 0) {
                profiles.word(word.toString()).forEach((language, w) -> score.merge(language, w, Double::sum));
                word.setLength(0);
            }
            i += Character.charCount(cp);
        }
        String best = null;
        double top = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : score.entrySet()) {
            if (e.getValue() > top + 1e-9) {
                second = top;
                best = e.getKey();
                top = e.getValue();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        // a text whose only signs are words its neighbours share ("de", "in") abstains: a vote needs at least one
        // word's weight, and half a word more than the runner-up ("do" is Portuguese and Polish, "único" Portuguese
        // and Spanish: "Identificador único do pedido" is Portuguese by "do", Spanish would say "del")
        return best != null && top >= 1 - 1e-9 && top >= second + 0.5 - 1e-9 ? best : null;
    }

    /**
     * The text with addresses, paths, dotted names and abbreviations blanked. Token by token: one regex
     * {@code \\S*(?:://|@|...)\\S*} backtracked over every start of a long token, and a description holding a
     * 100,000-character blob took minutes.
     */
    static String withoutNonWords(String lower) {
        java.util.regex.Matcher token = TOKEN.matcher(lower);
        StringBuilder out = new StringBuilder(lower.length());
        while (token.find()) {
            String t = token.group();
            boolean notWord = t.contains("://") || t.indexOf('@') >= 0 || t.indexOf('/') >= 0
                    || DOTTED.matcher(t).find();
            token.appendReplacement(out, notWord ? " " : java.util.regex.Matcher.quoteReplacement(t));
        }
        token.appendTail(out);
        return ABBREVIATIONS.matcher(out).replaceAll(" ");
    }
}
