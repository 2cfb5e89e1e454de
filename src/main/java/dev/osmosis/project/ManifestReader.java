package dev.osmosis.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams manifest.json into a {@link Manifest}. Each entry is bound to a small class that names only the fields
 * osmosis needs, so a 100 MB manifest is never held as a tree; parent_map, child_map, macros and the like are
 * skipped token by token.
 */
public final class ManifestReader {
    public static final int OLDEST_SCHEMA = 4;
    public static final int NEWEST_SCHEMA = 12;
    /** Early dbt Fusion previews (2.0.0-beta / preview up to ~.96) label their manifests v20. */
    public static final int FUSION_SCHEMA = 20;
    private static final Pattern SCHEMA_VERSION = Pattern.compile("/manifest/v(\\d+)\\.json");

    private final JsonFactory factory = JsonValues.byteParsingFactory();
    private final ValuePool names;

    public ManifestReader() {
        this(new ValuePool());
    }

    /** {@code names}: one instance of each column name and type, shared with the catalog's reader. */
    ManifestReader(ValuePool names) {
        this.names = names;
    }

    public Manifest read(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
            return read(parser, file);
        } catch (NoSuchFileException e) {
            throw OsmosisException.usage("No manifest at " + file + ". Run `dbt parse` (or `dbt compile`) in the "
                    + "project first, or point --manifest at it.");
        } catch (JsonParseException e) {
            throw JsonArtifact.invalid(file, e, "dbt parse");
        } catch (IOException e) {
            throw OsmosisException.usage("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Manifest read(JsonParser parser, Path file) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw OsmosisException.usage(file + " is not a dbt manifest: expected a JSON object. Regenerate it with "
                    + "`dbt parse`.");
        }
        Map<String, Object> metadata = null;
        Map<String, Node> nodes = new HashMap<>();
        Map<String, DocBlock> docs = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        List<DataTest> tests = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "metadata" -> metadata = JsonValues.map(parser);
                case "nodes", "sources" -> readEntries(parser, value, nodes, tests);
                case "docs" -> readDocs(parser, value, docs);
                case "disabled" -> readDisabled(parser, value, disabled);
                default -> parser.skipChildren();
            }
        }
        if (metadata == null) {
            throw OsmosisException.usage(file + " has no `metadata`: it is not a dbt manifest. Regenerate it with "
                    + "`dbt parse`.");
        }
        int version = schemaVersion(text(metadata.get("dbt_schema_version")), file);
        return new Manifest(version, text(metadata.get("project_name")), text(metadata.get("dbt_version")), nodes,
                docs, disabled, text(metadata.get("adapter_type")), tests);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static int schemaVersion(String url, Path file) {
        Matcher m = SCHEMA_VERSION.matcher(url == null ? "" : url);
        if (!m.find()) {
            throw OsmosisException.usage(file + " does not say which manifest schema it uses (metadata."
                    + "dbt_schema_version is '" + url + "'). Regenerate it with `dbt parse`.");
        }
        int version = Integer.parseInt(m.group(1));
        if ((version < OLDEST_SCHEMA || version > NEWEST_SCHEMA) && version != FUSION_SCHEMA) {
            throw OsmosisException.usage(file + " uses manifest schema v" + version + ", which osmosis does not "
                    + "support (v" + OLDEST_SCHEMA + " to v" + NEWEST_SCHEMA + ", and dbt Fusion's v"
                    + FUSION_SCHEMA + "). "
                    + (version < OLDEST_SCHEMA ? "Upgrade dbt to 1.0 or later and run `dbt parse` again."
                    : "Check for a newer osmosis release."));
        }
        return version;
    }

    /** Nodes into {@code into}; generic tests (not documented, but context for prompts) into {@code tests}. */
    private void readEntries(JsonParser parser, JsonToken start, Map<String, Node> into, List<DataTest> tests)
            throws IOException {
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            ManifestEntry entry = ManifestEntry.read(parser, names);
            DataTest test = entry.isTest() ? entry.toTest() : null;
            if (test != null) {
                tests.add(test);
            }
            Node node = entry.toNode();
            if (node != null) {
                into.put(node.uniqueId(), node);
            }
        }
    }

    private void readDocs(JsonParser parser, JsonToken start, Map<String, DocBlock> into) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            ManifestEntry e = ManifestEntry.read(parser, names);
            if (e.uniqueId != null) {
                into.put(e.uniqueId, new DocBlock(e.uniqueId, e.packageName, e.name, e.blockContents));
            }
        }
    }

    /** v5+ maps id -> [versions]; older manifests keep a plain list of entries. */
    private void readDisabled(JsonParser parser, JsonToken start, Set<String> into) throws IOException {
        if (start == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                into.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        } else if (start == JsonToken.START_ARRAY) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                ManifestEntry e = ManifestEntry.read(parser, names);
                if (e.uniqueId != null) {
                    into.add(e.uniqueId);
                }
            }
        } else {
            parser.skipChildren();
        }
    }
}
