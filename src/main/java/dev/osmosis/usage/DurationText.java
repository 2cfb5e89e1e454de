package dev.osmosis.usage;

import dev.osmosis.OsmosisException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations users type: {@code 30d}, {@code 24h}, {@code 30m}, {@code 45s}, {@code 2w}. */
public final class DurationText {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([smhdw])");

    private DurationText() {
    }

    /** @throws OsmosisException (usage) saying the accepted format when the text is not a duration */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw OsmosisException.usage("'" + text + "' is not a duration: use a number and a unit,"
                    + " e.g. 30m, 24h, 7d or 2w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
