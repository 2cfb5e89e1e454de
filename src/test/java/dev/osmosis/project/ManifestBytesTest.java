package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import dev.osmosis.OsmosisException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest is parsed from its UTF-8 bytes (Jackson's byte parser, not a Reader in front of its char parser:
 * 15 to 20 % of the CPU time of reading it). Hard cases of that path:
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>read as</th></tr>
 *   <tr><td>multi-byte UTF-8 in names, keys and descriptions (accents, CJK, an emoji's surrogate pair)</td>
 *       <td>the same text</td></tr>
 *   <tr><td>bytes that are not UTF-8</td><td>a usage error naming the file, exit 2</td></tr>
 * </table>
 */
class ManifestBytesTest {
    @TempDir Path tmp;

    @Test
    void theManifestFactoryParsesBytesWithTheByteParser() throws IOException {
        try (JsonParser parser = JsonValues.byteParsingFactory()
                .createParser(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))) {
            assertInstanceOf(UTF8StreamJsonParser.class, parser);
        }
    }

    @Test
    void multiByteTextReadsUnchanged() throws IOException {
        Path file = tmp.resolve("manifest.json");
        Files.writeString(file, """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
                 "nodes": {
                  "model.p.café": {"unique_id": "model.p.café", "resource_type": "model", "name": "café",
                     "package_name": "p", "description": "Ventes 日本語 😀 — résumé",
                     "columns": {"prix_€": {"name": "prix_€", "description": "in 😀 units"},
                                 "名前": {"name": "名前", "description": ""}}}}}
                """, StandardCharsets.UTF_8);
        Node node = new ManifestReader().read(file).node("model.p.café").orElseThrow();
        assertEquals("café", node.name());
        assertEquals("Ventes 日本語 😀 — résumé", node.description());
        assertEquals(List.of("prix_€", "名前"), node.columns().stream().map(Column::name).toList());
        assertEquals("in 😀 units", node.columns().get(0).description());
    }

    @Test
    void bytesThatAreNotUtf8AreAUsageErrorNamingTheFile() throws IOException {
        Path file = tmp.resolve("manifest.json");
        byte[] head = "{\"metadata\": {\"dbt_schema_version\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '"', '}', '}'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        OsmosisException e = assertThrows(OsmosisException.class, () -> new ManifestReader().read(file));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
