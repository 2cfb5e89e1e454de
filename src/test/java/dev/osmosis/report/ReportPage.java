package dev.osmosis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the data embedded in a written report page. */
public final class ReportPage {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

    private ReportPage() {
    }

    public static JsonNode data(Path page) throws IOException {
        Matcher m = DATA.matcher(Files.readString(page));
        if (!m.find()) {
            throw new AssertionError("no report data in " + page);
        }
        return new ObjectMapper().readTree(m.group(1));
    }
}
