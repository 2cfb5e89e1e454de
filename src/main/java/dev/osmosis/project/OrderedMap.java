package dev.osmosis.project;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only map that keeps its keys in insertion order, stored as one array of alternating keys and values.
 *
 * <p>A large project reads a meta map, a tests map and more for each of hundreds of thousands of columns; as
 * {@code Collections.unmodifiableMap(new LinkedHashMap<>())} each cost about 300 bytes in five objects, and they were
 * most of the heap of a 10,000-model run. Lookups scan the array: these maps hold a handful of keys. Null values are
 * allowed (YAML has them); keys are never null.
 */
public final class OrderedMap extends AbstractMap<String, Object> {
    private final Object[] pairs;

    /** {@code pairs} is owned by the new map from now on. */
    OrderedMap(Object[] pairs) {
        this.pairs = pairs;
    }

    /** {@code map} itself when it is already an OrderedMap, {@code Map.of()} when empty, else an ordered copy. */
    public static Map<String, Object> copyOf(Map<String, ?> map) {
        if (map instanceof OrderedMap ordered) {
            return ordered;
        }
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Object[] pairs = new Object[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            pairs[i++] = Objects.requireNonNull(e.getKey(), "key");
            pairs[i++] = e.getValue();
        }
        return new OrderedMap(pairs);
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : pairs[i + 1];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < pairs.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> e = new SimpleImmutableEntry<>((String) pairs[next], pairs[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }
}
