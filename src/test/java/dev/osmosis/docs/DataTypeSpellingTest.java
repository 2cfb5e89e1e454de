package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Diff noise: a YAML that spells the catalog's type its own way keeps its spelling.
 * <table>
 *   <caption>spellings</caption>
 *   <tr><th>YAML</th><th>catalog</th><th>same type</th></tr>
 *   <tr><td>int</td><td>integer</td><td>yes: kept</td></tr>
 *   <tr><td>string</td><td>text</td><td>yes: kept</td></tr>
 *   <tr><td>int</td><td>smallint</td><td>no: synced</td></tr>
 *   <tr><td>numeric(10,2)</td><td>decimal(10, 2)</td><td>yes: kept</td></tr>
 *   <tr><td>numeric(10,2)</td><td>numeric(12,2)</td><td>no: synced</td></tr>
 * </table>
 */
class DataTypeSpellingTest {
    private static final Pattern DATA_TYPE = Pattern.compile("^\\s*data_type:\\s*(.+?)\\s*$");

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "int|integer|true", "INT|integer|true", "string|text|true", "bool|boolean|true",
            "float|double precision|true", "int|smallint|false", "integer|bigint|false", "text|date|false",
            "numeric(10,2)|decimal(10, 2)|true", "numeric(10,2)|numeric(12,2)|false",
            "timestamp|timestamp without time zone|true", "timestamp|timestamptz|false"})
    void synonymsNameTheSameType(String yaml, String catalog, boolean same) {
        assertEquals(same, DataTypes.sameType(yaml, catalog));
    }

    /** wmcsrp2 spells integer as int 1,402 times: a refactor rewrote 1,399 of them to the catalog's spelling. */
    @Test
    void aRefactorOnWmcsrp2ChangesNoDataTypeWhoseTypeIsUnchanged(@TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("wmcsrp2"), tmp.resolve("wmcsrp2"));
        List<Path> files = yamlFiles(root);
        List<String> before = new ArrayList<>();
        for (Path f : files) {
            before.add(Files.readString(f));
        }
        CliHarness.Result r = CliHarness.run("yaml", "refactor", "--auto-apply", "--project-dir", root.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> noise = new ArrayList<>();
        long intsBefore = before.stream().flatMap(String::lines).filter(l -> l.strip().equals("data_type: int"))
                .count();
        for (int i = 0; i < files.size(); i++) {
            List<String> a = before.get(i).lines().toList();
            List<String> b = Files.readString(files.get(i)).lines().toList();
            for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
                List<String> was = types(delta.getSource().getLines());
                List<String> now = types(delta.getTarget().getLines());
                for (int k = 0; k < Math.min(was.size(), now.size()); k++) {
                    if (DataTypes.sameType(was.get(k), now.get(k))) {
                        noise.add(files.get(i).getFileName() + ": " + was.get(k) + " -> " + now.get(k));
                    }
                }
            }
        }
        assertTrue(noise.isEmpty(), noise.size() + " data_type rewritten to the same type, e.g. "
                + noise.subList(0, Math.min(5, noise.size())));
        long intsAfter = 0;
        for (Path f : files) {
            intsAfter += Files.readString(f).lines().filter(l -> l.strip().equals("data_type: int")).count();
        }
        assertTrue(intsBefore > 1000, "the corpus spells integer as int: " + intsBefore);
        assertEquals(intsBefore, intsAfter, "every int the catalog calls integer is kept");
    }

    private static List<String> types(List<String> lines) {
        List<String> types = new ArrayList<>();
        for (String line : lines) {
            Matcher m = DATA_TYPE.matcher(line);
            if (m.matches()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("models"))) {
            return walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted()
                    .toList();
        }
    }
}
