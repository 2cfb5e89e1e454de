package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.docs.CoverageReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final String HOSTILE = "</script><script>alert(1)</script> & <!-- \u2028";
    /** A doc block's text, rendered into the page's data in place of its reference. */
    private static final String DOC_BLOCK = "Deleted <script>alert(2)</script></script><!--";

    private static ReportData data() {
        return new ReportData("p<b>", "2026-12-01T10:00:00Z", new CoverageReport.Tally(1, 0, 1, 1),
                Map.of("person", 1), Map.of("undocumented", 1), List.of(new ReportData.Legend("person", "a", "a")),
                List.of(), List.of(new ReportData.NodeInfo("model.p.x", "x", "model", "models", "undocumented")),
                List.of(new ReportData.Row(0, "c", HOSTILE, "person", null, "models/x.yml", 3),
                        new ReportData.Row(0, "d", "{{ doc(\"x\") }}", "person", null, "models/x.yml", 4, null,
                                DOC_BLOCK)), Map.of(),
                List.of(), List.of());
    }

    @Test
    void textFromYamlCannotBreakOutOfTheDataElement() throws Exception {
        String html = HtmlReport.render(data());
        assertEquals(2, count(html, "<script"), "the data block and the page's own script, nothing else");
        assertFalse(html.contains("<b>"), "the title is escaped");
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(m.find());
        JsonNode json = new ObjectMapper().readTree(m.group(1));
        assertEquals(HOSTILE, json.at("/rows/0/2").asText(), "the escapes decode to the very text");
        assertEquals(DOC_BLOCK, json.at("/rows/1/8").asText(), "a doc block's text too");
    }

    @Test
    void thePolicyAllowsExactlyThePagesScriptAndNoFetch() throws Exception {
        String html = HtmlReport.render(data());
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("default-src 'none'; script-src 'sha256-" + hash + "'"), html.substring(0, 400));
        assertEquals(count(html, "http:") + count(html, "https:"), count(html, "\"http://www.w3.org/2000/svg\""),
                "no address but the SVG namespace's, which names and fetches nothing");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
