package dev.osmosis.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** GitHub annotations and JUnit XML, checked against the formats' documented syntax. */
public class CiFormatsTest {
    /**
     * A workflow command as GitHub's runner parses it: {@code ::name key=value,key=value::message}; escaped
     * property values hold no ':' ',' CR or LF, and the message no CR or LF.
     */
    public static final Pattern COMMAND = Pattern.compile(
            "::(notice|warning|error)(?: ((?:[a-zA-Z]+=[^,:\\r\\n]*)(?:,[a-zA-Z]+=[^,:\\r\\n]*)*))?::([^\\r\\n]*)");

    @Test
    void escapesAsGithubsToolkitDoes() {
        assertEquals("100%25 done%0D%0Anext: a, b", GithubAnnotations.escapeData("100% done\r\nnext: a, b"));
        assertEquals("models/a%3Ab%2Cc.yml%25%0A", GithubAnnotations.escapeProperty("models/a:b,c.yml%\n"));
        String line = GithubAnnotations.on(GithubAnnotations.Level.warning, "m/x,y.yml", 0, "t: 1", "a\nb: 50%");
        assertEquals("::warning file=m/x%2Cy.yml,line=1,title=t%3A 1::a%0Ab: 50%25", line);
        Matcher m = COMMAND.matcher(line);
        assertTrue(m.matches());
        assertEquals("a\nb: 50%", unescape(m.group(3)));
    }

    @Test
    void coverageAnnotationsSitOnTheYamlLinesConcerned() throws Exception {
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir",
                TestProjects.corpus("jaffle_shop_classic").toString(), "--format", "github");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        int warnings = 0;
        for (String line : lines) {
            Matcher m = COMMAND.matcher(line);
            assertTrue(m.matches(), "not a workflow command: " + line);
            if (!m.group(1).equals("warning")) {
                continue;
            }
            warnings++;
            String file = property(m.group(2), "file");
            int at = Integer.parseInt(property(m.group(2), "line"));
            Path path = Path.of(file);
            assertTrue(Files.isRegularFile(path), "relative to the working folder: " + file);
            String message = unescape(m.group(3));
            String name = message.substring(message.lastIndexOf('.', message.indexOf(' ')) + 1,
                    message.indexOf(' '));
            if (file.endsWith(".yml")) {
                assertTrue(Files.readAllLines(path).get(at - 1).contains(name), line);
            }
        }
        // 6 node descriptions + 5 columns are undocumented (CoverageCommandTest's figures: 8-2 and 21-16)
        assertEquals(11, warnings, r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("::notice title=osmosis coverage::"));
    }

    @Test
    void coverageJunitIsAnXmlReportWithATestCasePerNode() throws Exception {
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir",
                TestProjects.corpus("jaffle_shop_classic").toString(), "--format", "junit");
        assertEquals(0, r.exitCode(), r.err());
        Element suite = parse(r.out());
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(8, cases.getLength());
        assertEquals("8", suite.getAttribute("tests"));
        int failing = suite.getElementsByTagName("failure").getLength();
        assertEquals(String.valueOf(failing), suite.getAttribute("failures"));
        assertTrue(failing >= 6 && failing <= 8, "every node without a description fails: " + failing);
    }

    @Test
    void junitEscapesMarkupAndDropsWhatXmlCannotHold() throws Exception {
        String xml = new JUnitXml("s & t").add(new JUnitXml.TestCase("a<b", "\"q\"", "f.yml", 3, "x > y",
                "bell\u0007 & <tag> \ud800 done")).add(new JUnitXml.TestCase("c", "ok", null, 0, null, null)).render();
        Element root = parse(xml);
        assertEquals("2", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        Element failure = (Element) root.getElementsByTagName("failure").item(0);
        assertEquals("x > y", failure.getAttribute("message"));
        // a control character is shown escaped (TerminalText); a lone surrogate, which XML cannot hold, is dropped
        assertEquals("bell\\u0007 & <tag>  done", failure.getTextContent());
        Element first = (Element) root.getElementsByTagName("testcase").item(0);
        assertEquals("a<b", first.getAttribute("classname"));
        assertEquals("\"q\"", first.getAttribute("name"));
        assertEquals("3", first.getAttribute("line"));
    }

    public static Element parse(String xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        return (Element) root.getElementsByTagName("testsuite").item(0);
    }

    static String property(String properties, String key) {
        for (String p : properties.split(",")) {
            if (p.startsWith(key + "=")) {
                return unescape(p.substring(key.length() + 1));
            }
        }
        throw new AssertionError("no " + key + " in " + properties);
    }

    /** The runner's unescaping, in reverse order of the escaping. */
    static String unescape(String s) {
        return s.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r")
                .replace("%25", "%");
    }
}
