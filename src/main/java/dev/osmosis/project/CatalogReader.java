package dev.osmosis.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Streams catalog.json (written by `dbt docs generate`) into a {@link Catalog}. */
public final class CatalogReader {
    private final ObjectMapper mapper =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final ObjectReader tableReader = mapper.readerFor(TableJson.class);

    public Catalog read(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = mapper.getFactory().createParser(in)) {
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
                        TableJson t = tableReader.readValue(parser);
                        tables.put(id, toTable(id, t));
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
            throw OsmosisException.usage(file + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage()
                    + ". Regenerate it with `dbt docs generate`.", e);
        } catch (IOException e) {
            throw OsmosisException.usage("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Catalog.Table toTable(String id, TableJson t) {
        List<Catalog.CatalogColumn> columns = new ArrayList<>();
        if (t.columns != null) {
            t.columns.forEach((key, c) -> columns.add(new Catalog.CatalogColumn(
                    c.name == null ? key : c.name, c.type, c.index == null ? Integer.MAX_VALUE : c.index, c.comment)));
        }
        columns.sort(Comparator.comparingInt(Catalog.CatalogColumn::index));
        String comment = t.metadata == null ? null : t.metadata.comment;
        return new Catalog.Table(id, comment, columns);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class TableJson {
        @JsonProperty("metadata") Meta metadata;
        @JsonProperty("columns") LinkedHashMap<String, ColumnJson> columns;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Meta {
        @JsonProperty("comment") String comment;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ColumnJson {
        @JsonProperty("name") String name;
        @JsonProperty("type") String type;
        @JsonProperty("index") Integer index;
        @JsonProperty("comment") String comment;
    }
}
