package dev.osmosis.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small hand-written readers over a streaming parser. The manifest readers use them instead of data binding:
 * a token loop that skips what it does not need is several times faster on a cold JVM, which is what a CLI runs on.
 */
final class JsonValues {
    private JsonValues() {
    }

    /**
     * A parser factory for large dbt artifacts. Field names are not String.intern()ed: manifests and catalogs use
     * unique ids and column names as keys, hundreds of thousands of distinct names that would each go through
     * the JVM's string table for no gain (the readers compare names with equals).
     */
    static JsonFactory factory() {
        return JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
    }

    /**
     * The manifest's factory: field names canonicalized, because Jackson reads UTF-8 bytes with its byte parser
     * only then (without, it decodes the stream through a {@code Reader} into its char parser). On the manifest
     * that saved more than its symbol table costs: about 80 ms (15 %) of the CPU time of reading a 2,000-model
     * manifest, on both benchmark shapes. The catalog gained nothing measurable and keeps {@link #factory()}.
     * A hostile manifest whose names collide in the table fails with Jackson's stream-constraint error (an
     * IOException, reported as "Cannot read" the file) rather than slowing the run down.
     */
    static JsonFactory byteParsingFactory() {
        return JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
    }

    /** The current string value, or null for JSON null (any other type is skipped and read as null). */
    static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = string(p);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Any JSON value as plain Java: maps keep their key order. */
    static Object any(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, any(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(any(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * An object as a map, or empty for null or anything else. Keys whose value is null go (dbt Fusion writes
     * explicit nulls everywhere; an absent key means the same and immutable copies reject nulls).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonParser p) throws IOException {
        Object v = any(p);
        if (!(v instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, Object> map = (Map<String, Object>) m;
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }
}
