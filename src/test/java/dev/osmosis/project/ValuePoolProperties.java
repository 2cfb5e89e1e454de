package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The pool hands back read-only values equal to what it was given, key order included at every depth, and one
 * instance for values that are equal in that order-sensitive sense, also when files are parsed on several threads.
 *
 * <p>Hard cases: the same keys in another order (top level and nested: not shared), a Long and a Double of the
 * same number (not shared), null values and null list items, empty maps and lists, a value given twice from two
 * threads.
 */
class ValuePoolProperties {
    private static final Object[] SCALARS = {"a", "b", "not_null", "pii", "", 1L, 1.0, 2L, true, false, null};

    @Property(tries = 500)
    void givesBackAnEqualReadOnlyValueInTheSameOrder(@ForAll long seed) {
        Object value = randomValue(new Random(seed), 0);
        Object pooled = new ValuePool().value(value);
        assertEquals(value, pooled);
        assertEquals(shape(value), shape(pooled), "same order at every depth");
        if (pooled instanceof Map<?, ?> m && !m.isEmpty()) {
            assertThrows(UnsupportedOperationException.class, () -> m.clear());
        }
        if (pooled instanceof List<?> l && !l.isEmpty()) {
            assertThrows(UnsupportedOperationException.class, () -> l.clear());
        }
    }

    @Property(tries = 500)
    void equalValuesInTheSameOrderAreOneInstance(@ForAll long seed) {
        ValuePool pool = new ValuePool();
        Object first = pool.value(randomValue(new Random(seed), 0));
        Object second = pool.value(randomValue(new Random(seed), 0)); // a fresh copy of the same value
        if (first != null) {
            assertSame(first, second);
        }
    }

    @Test
    void keyOrderMattersAtEveryDepth() {
        ValuePool pool = new ValuePool();
        Map<String, Object> ab = ordered("a", 1L, "b", 2L);
        Map<String, Object> ba = ordered("b", 2L, "a", 1L);
        assertNotSame(pool.map(ab), pool.map(ba));
        assertEquals(List.of("b", "a"), new ArrayList<>(pool.map(ba).keySet()));
        Map<String, Object> outer1 = pool.map(ordered("x", ab));
        Map<String, Object> outer2 = pool.map(ordered("x", ba));
        assertNotSame(outer1, outer2);
        assertEquals(List.of("b", "a"), new ArrayList<>(((Map<?, ?>) outer2.get("x")).keySet()));
    }

    @Test
    void numbersOfDifferentTypesStayApart() {
        ValuePool pool = new ValuePool();
        assertEquals(1L, pool.value(1L));
        assertEquals(1.0, pool.value(1.0));
        assertNotSame(pool.list(List.of(1L)), pool.list(List.of(1.0)));
    }

    @Test
    void nullsAndEmptiesAreKept() {
        ValuePool pool = new ValuePool();
        assertNull(pool.value(null));
        assertNull(pool.string(null));
        assertEquals(Arrays.asList("a", null), pool.list(Arrays.asList("a", null)));
        assertEquals(Map.of(), pool.map(new LinkedHashMap<>()));
        assertEquals(List.of(), pool.list(List.of()));
        Map<String, Object> withNull = pool.map(ordered("k", null));
        assertTrue(withNull.containsKey("k"));
        assertNull(withNull.get("k"));
        assertFalse(withNull.containsKey("other"));
    }

    @Test
    void stringListsKeepListCopyOfsInstance() {
        List<String> tags = new ValuePool().strings(new ArrayList<>(List.of("pii", "finance")));
        assertSame(tags, List.copyOf(tags), "ColumnDocs copies tags with List.copyOf: no copy for a pooled list");
    }

    @Test
    void sharedAcrossThreads() {
        ValuePool pool = new ValuePool();
        List<Object> results = IntStream.range(0, 64).parallel()
                .mapToObj(i -> pool.value(ordered("meta", ordered("pii", false), "data_tests", List.of("not_null"))))
                .toList();
        results.forEach(r -> assertSame(results.get(0), r));
    }

    @Test
    void orderedMapCopiesAndIterates() {
        Map<String, Object> source = ordered("z", 1L, "a", null);
        Map<String, Object> copy = OrderedMap.copyOf(source);
        assertEquals(source, copy);
        assertEquals(source.hashCode(), copy.hashCode());
        assertSame(copy, OrderedMap.copyOf(copy));
        assertSame(Map.of(), OrderedMap.copyOf(null));
        Iterator<Map.Entry<String, Object>> it = copy.entrySet().iterator();
        assertEquals("z", it.next().getKey());
        assertEquals("a", it.next().getKey());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Mutable maps and lists, as the YAML reader builds them. */
    private static Object randomValue(Random r, int depth) {
        int kind = depth > 2 ? 0 : r.nextInt(3);
        if (kind == 0) {
            return SCALARS[r.nextInt(SCALARS.length)];
        }
        int size = r.nextInt(4);
        if (kind == 1) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(randomValue(r, depth + 1));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put("k" + r.nextInt(5), randomValue(r, depth + 1));
        }
        return map;
    }

    /** The value with every map written as its entries in iteration order, so that order is compared too. */
    private static Object shape(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<Object> entries = new ArrayList<>();
            m.forEach((k, x) -> entries.add(List.of(k, String.valueOf(shape(x)))));
            return entries;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> String.valueOf(shape(x))).toList();
        }
        return v;
    }
}
