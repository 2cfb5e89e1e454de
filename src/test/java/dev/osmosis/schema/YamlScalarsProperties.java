package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Whatever string the emitter writes on one line (a key or a value, in block or flow context), PyYAML (dbt's
 * reader) and SnakeYAML read back that very string. PyYAML is stood in for by SnakeYAML's scanner (a port of
 * PyYAML's) with PyYAML's resolver; the resolver itself is checked against PyYAML's answers below.
 */
class YamlScalarsProperties {
    private static final Yaml PYYAML = reader(new PyYamlResolver());
    private static final Yaml SNAKEYAML = reader(new Resolver());

    private static Yaml reader(Resolver resolver) {
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                new DumperOptions(), new LoaderOptions(), resolver);
    }

    @Provide
    Arbitrary<String> yamlish() {
        // the characters YAML gives meaning to, digits and letters of its typed forms, spaces, breaks, non-ASCII
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("=<>~!&*|#:,-?[]{}'\"%@`.+_ \t\n0123456789eExXoObByYnNtTfFlLaAsSuUiI\u00e9\u2028\u0085\u202e\u0007")
                .ofMaxLength(12);
        Arbitrary<String> typed = Arbitraries.of("=", "<<", "~", "null", "Null", "NULL", "yes", "No", "ON", "off",
                "y", "n", "true", "FALSE", "0x1F", "0o17", "017", "0b101", "1_000", "+1", "-0", "1:20", "190:20:30",
                "1:20.5", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", ".inf",
                "-.Inf", ".NaN", "1e3", "1.0e+3", "6.8523015e+5", "._", ".5", "!", "&", "*", "", " ", "a #b",
                "a: b", "a:", "trailing ", " leading", "- item", "? key", "%TAG", "@x", "`x`", "{{ doc('x') }}");
        return Arbitraries.oneOf(tricky, typed, Arbitraries.strings().ofMaxLength(20));
    }

    @Property(tries = 1000)
    void aValueReadsBackAsTheSameString(@ForAll("yamlish") String s) {
        String yaml = "k: " + YamlScalars.inline(s, false) + "\n";
        assertEquals(Map.of("k", s), PYYAML.load(yaml), yaml);
        assertEquals(Map.of("k", s), SNAKEYAML.load(yaml), yaml);
    }

    @Property(tries = 1000)
    void aKeyReadsBackAsTheSameString(@ForAll("yamlish") String s) {
        String yaml = YamlScalars.inline(s, false) + ": v\n";
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(s, "v");
        assertEquals(expected, PYYAML.load(yaml), yaml);
    }

    @Property(tries = 1000)
    void aFlowItemReadsBackAsTheSameString(@ForAll("yamlish") String s) {
        String yaml = "k: [" + YamlScalars.inline(s, true) + ", x]\n";
        assertEquals(Map.of("k", List.of(s, "x")), PYYAML.load(yaml), yaml);
    }

    /**
     * The one-pass check (issue 22: it runs for every scalar a patch writes) answers as the plain reading of the
     * rules it replaced, kept here as the reference, for every string; words that start like a boolean or null
     * but are longer take its shortcut past the resolvers.
     */
    @Property(tries = 3000)
    void thePlainCheckAnswersAsTheRulesItReplaced(@ForAll("plainCandidates") String s) {
        for (boolean flow : new boolean[] {false, true}) {
            assertEquals(referencePlainSafe(s, flow), YamlScalars.isPlainSafe(s, flow), s + (flow ? " (flow)" : ""));
        }
    }

    @Provide
    Arbitrary<String> plainCandidates() {
        Arbitrary<String> words = Arbitraries.of("Yesterday", "nullable", "offset", "TRUE_", "falsehood", "onward",
                "True story", "No: way", "yes #1", "Off", "tax", "text", "bigint", "The id of the record.", "order_id",
                "n1", "y:", "NULL ", "TrUe", "nULl", "ye\u017f", "\u212Aey", "On1", "o-n", "Y", "~home", "-1x", "0xZZ", ".5e", "2001-12-14x", "a\u00a0", "\ud800", "x\udc00y");
        Arbitrary<String> joined = Arbitraries.oneOf(words, yamlish()).list().ofMaxSize(3).map(l -> String.join("", l));
        return Arbitraries.oneOf(yamlish(), words, joined);
    }

    private static final java.util.regex.Pattern LOOKS_TYPED = java.util.regex.Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9.][0-9_.:eE+-]*|[-+]?\\.(inf|nan)|0x[0-9a-f_]+|0o?[0-7_]+");

    /** YamlScalars.isPlainSafe as it was before issue 22, rule by rule. */
    private static boolean referencePlainSafe(String s, boolean flow) {
        if (s.isEmpty() || !s.strip().equals(s) || "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":") || s.contains("\t")) {
            return false;
        }
        if (flow && s.chars().anyMatch(c -> ",?[]{}".indexOf(c) >= 0)) {
            return false;
        }
        if (!s.codePoints().allMatch(YamlScalars::isPrintable) || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return false;
        }
        if (LOOKS_TYPED.matcher(s).matches()) {
            return false;
        }
        return org.yaml.snakeyaml.nodes.Tag.STR.equals(new Resolver().resolve(NodeId.scalar, s, true))
                && org.yaml.snakeyaml.nodes.Tag.STR.equals(new PyYamlResolver().resolve(NodeId.scalar, s, true));
    }

    @Example
    void aLoneEqualsSignIsQuotedBecausePyYamlCannotLoadItPlain() {
        assertEquals("\"=\"", YamlScalars.inline("=", false));
        assertEquals("a=b", YamlScalars.inline("a=b", false), "only the lone sign is a YAML 1.1 value key");
    }

    /** What PyYAML 6.0.3's resolver said for each (yaml.resolver.Resolver().resolve(ScalarNode, s, (True, False))). */
    @Example
    void theResolverAgreesWithPyYaml() {
        String[][] pyyaml = {{"=", "value"}, {"<<", "merge"}, {"~", "null"}, {"", "null"}, {"Null", "null"},
            {"nULL", "str"}, {"Yes", "bool"}, {"yEs", "str"}, {"y", "str"}, {"n", "str"}, {"OFF", "bool"},
            {"0x1F", "int"}, {"0x_", "int"}, {"0o17", "str"}, {"017", "int"}, {"08", "str"}, {"0b101", "int"},
            {"1_000", "int"}, {"-0", "int"}, {"1:20", "int"}, {"1:60", "str"}, {"1:20.5", "float"},
            {"190:20:30", "int"}, {"2001-12-14", "timestamp"}, {"2001-12-14t21:59:43.10-05:00", "timestamp"},
            {"2001-12-14 21:59:43.10 -5", "timestamp"}, {"2001-1-1", "str"}, {".inf", "float"},
            {"+.INF", "float"}, {".NaN", "float"}, {"1e3", "str"}, {"1.0e3", "str"}, {"1.0e+3", "float"},
            {"1.", "float"}, {"._", "str"}, {".5", "float"}, {"+.5", "str"}, {"1_2.3_4", "float"},
            {"!", "yaml"}, {"&", "yaml"}, {"*", "yaml"}, {"==", "str"}, {"1.2.3", "str"}, {"-", "str"},
            {"1e+3", "str"}, {"0x", "str"}, {"685.230_15e+03", "float"}};
        PyYamlResolver resolver = new PyYamlResolver();
        for (String[] c : pyyaml) {
            assertEquals("tag:yaml.org,2002:" + c[1], resolver.resolve(NodeId.scalar, c[0], true).getValue(),
                    "'" + c[0] + "'");
        }
    }
}
