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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Streams catalog.json (written by `dbt docs generate`) into a {@link Catalog}. */
public final class CatalogReader {
    private final JsonFactory factory = JsonValues.factory();
    private final ValuePool names;

    public CatalogReader() {
        this(new ValuePool());
    }

    /**
     * {@code names}: one instance of each column name and type, shared with the manifest's reader. They repeat
     * across tables: a large catalog has 500,000 columns, a few dozen types and a fraction as many names.
     */
    CatalogReader(ValuePool names) {
        this.names = names;
    }

    public Catalog read(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw OsmosisException.usage(file + " is not a dbt catalog: expected a JSON object. Regenerate it "
                        + "with `dbt docs generate`.");
            }
            Map<String, Catalog.Table> tables = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ((field.equals("nodes") || field.equals("sources")) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String id = parser.currentName();
                        parser.nextToken();
                        tables.put(id, table(parser, id));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return new Catalog(tables);
        } catch (NoSuchFileException e) {
            throw OsmosisException.usage("No catalog at " + file + ". Run `dbt docs generate` to create it, or "
                    + "leave out --catalog to work without warehouse columns.");
        } catch (JsonParseException e) {
            throw JsonArtifact.invalid(file, e, "dbt docs generate");
        } catch (IOException e) {
            throw OsmosisException.usage("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Catalog.Table table(JsonParser p, String id) throws IOException {
        String comment = null;
        List<Catalog.CatalogColumn> columns = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Catalog.Table(id, null, columns);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("metadata") && p.currentToken() == JsonToken.START_OBJECT) {
                Object c = JsonValues.map(p).get("comment");
                comment = c == null ? null : c.toString();
            } else if (field.equals("columns") && p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    columns.add(column(p, key));
                }
            } else {
                p.skipChildren();
            }
        }
        columns.sort(Comparator.comparingInt(Catalog.CatalogColumn::index));
        return new Catalog.Table(id, comment, columns);
    }

    /** One column object, read field by field (no map per column: a large catalog has hundreds of thousands). */
    private Catalog.CatalogColumn column(JsonParser p, String key) throws IOException {
        String name = null;
        String type = null;
        String comment = null;
        int index = Integer.MAX_VALUE;
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Catalog.CatalogColumn(names.string(key), null, index, null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> name = JsonValues.string(p);
                case "type" -> type = JsonValues.string(p);
                case "comment" -> comment = JsonValues.string(p);
                case "index" -> index = p.currentToken().isNumeric() ? p.getNumberValue().intValue() : index;
                default -> p.skipChildren();
            }
        }
        return new Catalog.CatalogColumn(names.string(name == null ? key : name), names.string(type), index, comment);
    }
}
