package dev.osmosis.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.osmosis.OsmosisException;
import dev.osmosis.text.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/**
 * dbt Mesh and dbt-loom put an upstream project's public models into the downstream manifest as bare nodes: no
 * columns, no descriptions. This reads the upstream projects' own manifests and gives those nodes back their
 * documentation, so downstream columns inherit across the project boundary. Where each manifest is: {@code
 * --upstream-manifest NAME=PATH} first, then {@code vars: dbt-osmosis: upstream_manifests: {NAME: PATH}}, then
 * dbt-loom's {@code dbt_loom.config.yml} (whose paths are often absolute CI paths: the other two override them).
 * Upstream nodes have no folder here, so they are read and never written.
 */
public final class UpstreamManifests {
    /** One upstream project's manifest and who named it (for messages). */
    public record Upstream(String name, Path manifest, String namedBy) {
    }

    static final String LOOM_CONFIG = "dbt_loom.config.yml";
    private static final Pattern ENV_VAR = Pattern.compile(
            "\\{\\{\\s*env_var\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]*)['\"]\\s*)?\\)\\s*}}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ManifestReader reader = new ManifestReader();

    /** Every configured upstream manifest, by project name; the first source to name a project wins. */
    public List<Upstream> find(Path root, DbtProject config, Map<String, Path> overrides, Map<String, String> env) {
        Map<String, Upstream> found = new LinkedHashMap<>();
        overrides.forEach((name, path) -> found.put(name, new Upstream(name, root.resolve(path).normalize(),
                "--upstream-manifest")));
        if (config.osmosisVars().get("upstream_manifests") instanceof Map<?, ?> vars) {
            vars.forEach((name, path) -> found.putIfAbsent(String.valueOf(name), new Upstream(String.valueOf(name),
                    root.resolve(String.valueOf(path)).normalize(), "vars: dbt-osmosis: upstream_manifests")));
        }
        Path loomFile = loomConfig(root, env);
        for (Map.Entry<String, String> e : loom(loomFile, env).entrySet()) {
            found.putIfAbsent(e.getKey(), new Upstream(e.getKey(), root.resolve(e.getValue()).normalize(),
                    root.relativize(loomFile).toString()));
        }
        return List.copyOf(found.values());
    }

    private static Path loomConfig(Path root, Map<String, String> env) {
        String custom = env.get("DBT_LOOM_CONFIG");
        return custom != null && !custom.isBlank() ? root.resolve(custom) : root.resolve(LOOM_CONFIG);
    }

    /** dbt-loom's file manifests: name -> path, with {@code {{ env_var('X', 'default') }}} rendered. */
    private Map<String, String> loom(Path file, Map<String, String> env) {
        Map<String, String> paths = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return paths;
        }
        Object doc;
        try {
            doc = yaml.readValue(Files.readString(file), Object.class);
        } catch (IOException e) {
            throw OsmosisException.usage(file + " is not valid YAML: " + e.getMessage()
                    + ". Fix it, or name upstream manifests with --upstream-manifest NAME=PATH.");
        }
        Object manifests = doc instanceof Map<?, ?> m ? m.get("manifests") : null;
        if (!(manifests instanceof List<?> list)) {
            return paths;
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
                continue;
            }
            Object type = m.get("type");
            Object path = m.get("config") instanceof Map<?, ?> c ? c.get("path") : null;
            if ((type == null || "file".equals(type)) && path instanceof String p) {
                paths.put(name, render(p, env));
            } else {
                Logger.warn("{}: upstream '{}' is read from {} storage, which osmosis does not fetch; pass "
                        + "--upstream-manifest {}=PATH to inherit from it", TerminalText.escape(file.getFileName()
                        .toString()), TerminalText.escape(name), TerminalText.escape(String.valueOf(type)), TerminalText.escape(name));
            }
        }
        return paths;
    }

    static String render(String value, Map<String, String> env) {
        Matcher m = ENV_VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.getOrDefault(m.group(1), m.group(2));
            if (v == null) {
                throw OsmosisException.usage("dbt-loom path '" + value + "' needs the environment variable "
                        + m.group(1) + "; set it, or pass --upstream-manifest NAME=PATH.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /**
     * The downstream manifest with each upstream node documented from its own manifest. A missing or unreadable
     * upstream manifest is a warning: the run goes on without that project's documentation.
     */
    public Manifest merge(Manifest downstream, List<Upstream> upstreams) {
        Map<String, Node> documented = new HashMap<>();
        for (Upstream upstream : upstreams) {
            List<Node> injected = downstream.nodes().values().stream()
                    .filter(n -> upstream.name().equals(n.packageName())).toList();
            if (injected.isEmpty()) {
                continue;
            }
            Manifest source = read(upstream);
            if (source == null) {
                continue;
            }
            int count = 0;
            for (Node node : injected) {
                Node original = source.nodes().get(node.uniqueId());
                if (original != null) {
                    documented.put(node.uniqueId(), node.withDocsOf(original));
                    count++;
                }
            }
            Logger.debug("upstream project {}: {} of {} nodes documented from {}", upstream.name(), count,
                    injected.size(), upstream.manifest());
        }
        return documented.isEmpty() ? downstream : downstream.withNodes(documented);
    }

    private Manifest read(Upstream upstream) {
        if (!Files.isRegularFile(upstream.manifest())) {
            Logger.warn("upstream project '{}': no manifest at {} (named by {}); its columns are not inherited. "
                    + "Pass --upstream-manifest {}=PATH.", TerminalText.escape(upstream.name()),
                    TerminalText.escape(upstream.manifest().toString()), TerminalText.escape(upstream.namedBy()),
                    TerminalText.escape(upstream.name()));
            return null;
        }
        try {
            return reader.read(upstream.manifest());
        } catch (OsmosisException e) {
            Logger.warn("upstream project '{}': {}; its columns are not inherited.",
                    TerminalText.escape(upstream.name()), TerminalText.escape(e.getMessage()));
            return null;
        }
    }

    /** Parses {@code NAME=PATH} values of --upstream-manifest. */
    public static Map<String, Path> parseOverrides(List<String> values) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String v : values == null ? List.<String>of() : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw OsmosisException.usage("--upstream-manifest takes NAME=PATH (the upstream dbt project's name "
                        + "and its manifest.json), got '" + v + "'.");
            }
            out.put(v.substring(0, eq).strip(), Path.of(v.substring(eq + 1).strip()));
        }
        return out;
    }
}
