package dev.osmosis.project;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares equal read-only values among the schema files of one load: column names, types, tests, meta and the
 * descriptions inheritance copied down. A mature project repeats them on every column ({@code meta: {pii: false}},
 * {@code data_tests: [not_null]}), and holding a copy per column was most of a 10,000-model run's heap.
 *
 * <p>Every value it returns is read-only and canonical: maps are {@link OrderedMap}s, lists unmodifiable, and two
 * values are the same instance when they hold the same scalars in the same order, all the way down (key order
 * matters: a file's own order is what gets written back). Safe to use from the threads that parse files at once.
 */
public final class ValuePool {
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();

    public String string(String s) {
        return s == null ? null : (String) shared.computeIfAbsent(s, k -> k);
    }

    /** A canonical read-only copy of a plain YAML value (String, Boolean, Long, Double, null, List or Map). */
    public Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return map(m);
        }
        if (v instanceof List<?> l) {
            return list(l);
        }
        return v == null ? null : shared.computeIfAbsent(v, k -> k);
    }

    public Map<String, Object> map(Map<?, ?> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        Object[] pairs = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            pairs[i++] = string(String.valueOf(e.getKey()));
            pairs[i++] = value(e.getValue());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> canonical = (Map<String, Object>) shared.computeIfAbsent(new Shape(Kind.MAP, pairs),
                s -> new OrderedMap(pairs));
        return canonical;
    }

    public List<Object> list(List<?> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Object[] items = new Object[list.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = value(list.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> canonical = (List<Object>) shared.computeIfAbsent(new Shape(Kind.LIST, items),
                s -> Collections.unmodifiableList(Arrays.asList(items)));
        return canonical;
    }

    /** Strings only, as {@link List#copyOf} keeps them (so a later copyOf returns the same instance). */
    public List<String> strings(Collection<String> strings) {
        if (strings.isEmpty()) {
            return List.of();
        }
        Object[] pooled = new Object[strings.size()];
        int i = 0;
        for (String s : strings) {
            pooled[i++] = string(s);
        }
        @SuppressWarnings("unchecked")
        List<String> canonical = (List<String>) shared.computeIfAbsent(new Shape(Kind.STRINGS, pooled),
                s -> (List<String>) (List<?>) List.of(pooled));
        return canonical;
    }

    /**
     * A container's contents as a pool key. Its parts are canonical already, so they compare by identity: that
     * keeps key order significant at every depth, where {@code Map.equals} would call two orders equal.
     */
    private enum Kind { MAP, LIST, STRINGS }

    private record Shape(Kind kind, Object[] parts) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Shape other) || other.kind != kind || other.parts.length != parts.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != other.parts[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = kind.ordinal();
            for (Object part : parts) {
                h = 31 * h + System.identityHashCode(part);
            }
            return h;
        }
    }
}
