package dev.osmosis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Renders the report as one self-contained HTML page: CSS, script and data inline, charts drawn as SVG by the
 * script. A Content-Security-Policy allows only that one script (by hash) and no fetch of any kind, so the page
 * works offline and cannot leak what it shows.
 */
public final class HtmlReport {
    private static final String RESOURCES = "dev/osmosis/report/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    public static String render(ReportData data) {
        String script = resource("report.js");
        Map<String, Object> scope = Map.of(
                "project", data.project(),
                "generatedAt", data.generatedAt(),
                "css", resource("report.css"),
                "script", script,
                "scriptHash", "sha256-" + sha256(script),
                "data", embeddedJson(data));
        Mustache template = new DefaultMustacheFactory().compile(new StringReader(resource("report.html")),
                "report.html");
        StringWriter out = new StringWriter();
        template.execute(out, scope);
        return out.toString();
    }

    /**
     * The data as JSON safe inside a script element: '<', '>' and '&' only occur in JSON strings, where their
     * escapes mean the same, so a description holding "&lt;/script&gt;" cannot end the element.
     */
    static String embeddedJson(ReportData data) {
        try {
            return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is not serializable", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
