package dev.osmosis.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * The prompt templates, compiled once. Each comes from the first source that has it:
 * {@code OSMOSIS_LLM_PROMPT_<KEY>} environment variable, then the prompt file (one YAML map keyed by template
 * key), then the prompt directory ({@code <key>.mustache}), then the default shipped in the jar
 * ({@code /prompts/<key>.mustache}). Rendering never HTML-escapes: prompts carry SQL full of {@code < > & '}.
 * Immutable and safe to render from many threads.
 */
public final class PromptTemplates {
    private static final String RESOURCE_DIR = "/prompts/";

    /** A compiled template and where it came from (shown in errors and by dry-run). */
    private record Template(String source, String origin, Mustache compiled) {
    }

    private final Map<PromptKey, Template> templates;

    private PromptTemplates(Map<PromptKey, Template> templates) {
        this.templates = Collections.unmodifiableMap(new EnumMap<>(templates));
    }

    /** The shipped templates only. */
    public static PromptTemplates defaults() {
        return load(null, null, Map.of());
    }

    /**
     * Resolves every template. {@code promptDir} and {@code promptFile} may be null (not configured);
     * {@code env} is scanned for {@code OSMOSIS_LLM_PROMPT_<KEY>} only.
     *
     * @throws OsmosisException (usage) for a missing dir or file, an unknown key, or a Mustache syntax error
     */
    public static PromptTemplates load(Path promptDir, Path promptFile, Map<String, String> env) {
        Map<PromptKey, String[]> chosen = new EnumMap<>(PromptKey.class); // key -> {source, origin}
        for (PromptKey key : PromptKey.values()) {
            chosen.put(key, new String[] {defaultSource(key), "default " + RESOURCE_DIR.substring(1) + key.fileName()});
        }
        if (promptDir != null) {
            readDir(promptDir).forEach((k, v) -> chosen.put(k, v));
        }
        if (promptFile != null) {
            readFile(promptFile).forEach((k, v) -> chosen.put(k, v));
        }
        readEnv(env == null ? Map.of() : env).forEach((k, v) -> chosen.put(k, v));

        DefaultMustacheFactory factory = new RawMustacheFactory();
        Map<PromptKey, Template> compiled = new EnumMap<>(PromptKey.class);
        chosen.forEach((key, so) -> compiled.put(key, new Template(so[0], so[1], compile(factory, so[0], so[1]))));
        return new PromptTemplates(compiled);
    }

    /** Renders {@code key} with the variables of {@code ctx} (see {@link PromptView}). */
    public String render(PromptKey key, PromptContext ctx) {
        Template t = templates.get(key);
        StringWriter out = new StringWriter();
        try {
            t.compiled().execute(out, PromptView.of(ctx));
        } catch (MustacheException e) {
            throw OsmosisException.usage("prompt template " + t.origin() + " failed to render: " + e.getMessage(), e);
        }
        return tidy(out.toString());
    }

    /**
     * Renders {@code key} with variables of the caller's own (the judge of {@code osmosis llm eval}, whose prompt is
     * about two texts, not a node); the caller fences project and model text in them.
     */
    public String render(PromptKey key, Map<String, ?> scope) {
        Template t = templates.get(key);
        StringWriter out = new StringWriter();
        try {
            t.compiled().execute(out, scope);
        } catch (MustacheException e) {
            throw OsmosisException.usage("prompt template " + t.origin() + " failed to render: " + e.getMessage(), e);
        }
        return tidy(out.toString());
    }

    /** {@link #render(PromptKey, PromptContext)} by key name ("column_user", or an alias). */
    public String render(String key, PromptContext ctx) {
        return render(PromptKey.parse(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown prompt key '" + key + "' (valid: " + PromptKey.allKeys() + ")")), ctx);
    }

    /** The template text in effect for {@code key}. */
    public String source(PromptKey key) {
        return templates.get(key).source();
    }

    /** Where the template in effect for {@code key} came from, e.g. "OSMOSIS_LLM_PROMPT_COLUMN_USER". */
    public String origin(PromptKey key) {
        return templates.get(key).origin();
    }

    /** The template shipped in the jar for {@code key}. */
    public static String defaultSource(PromptKey key) {
        String resource = RESOURCE_DIR + key.fileName();
        try (InputStream in = PromptTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("default prompt " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default prompt " + resource, e);
        }
    }

    private static Map<PromptKey, String[]> readEnv(Map<String, String> env) {
        Map<PromptKey, String[]> found = new EnumMap<>(PromptKey.class);
        for (PromptKey key : PromptKey.values()) {
            // a blank variable counts as unset, as shells make it easy to export one by accident
            envValue(env, key.envVar())
                    .or(() -> key.alias() == null ? Optional.empty()
                            : envValue(env, "OSMOSIS_LLM_PROMPT_" + key.alias().toUpperCase(java.util.Locale.ROOT)))
                    .ifPresent(v -> found.put(key, new String[] {v, "environment variable " + key.envVar()}));
        }
        return found;
    }

    private static Optional<String> envValue(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static Map<PromptKey, String[]> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw OsmosisException.usage("prompt file " + file + " does not exist (set by --llm-prompt-file, "
                    + "OSMOSIS_LLM_PROMPT_FILE or vars: dbt-osmosis: llm: prompt_file)");
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw OsmosisException.usage("prompt file " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw OsmosisException.usage("prompt file " + file + " must be a YAML mapping of template key to "
                    + "template text (keys: " + PromptKey.allKeys() + ")");
        }
        Map<PromptKey, String[]> found = new EnumMap<>(PromptKey.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            PromptKey key = PromptKey.parse(e.getKey()).orElseThrow(() -> OsmosisException.usage("prompt file "
                    + file + ": unknown template key '" + e.getKey() + "' (valid: " + PromptKey.allKeys() + ")"));
            if (!e.getValue().isTextual()) {
                throw OsmosisException.usage("prompt file " + file + ": '" + e.getKey()
                        + "' must be a string (use a YAML block scalar: `" + e.getKey() + ": |`)");
            }
            if (found.containsKey(key)) {
                throw OsmosisException.usage("prompt file " + file + ": '" + key.key() + "' is given twice "
                        + "(once as its alias '" + key.alias() + "'); keep one");
            }
            found.put(key, new String[] {e.getValue().textValue(), "prompt file " + file + " (" + e.getKey() + ")"});
        }
        return found;
    }

    private static Map<PromptKey, String[]> readDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw OsmosisException.usage("prompt directory " + dir + " does not exist or is not a directory (set by "
                    + "--llm-prompt-dir or vars: dbt-osmosis: llm: prompt_dir)");
        }
        Map<PromptKey, String[]> found = new EnumMap<>(PromptKey.class);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String fileName = f.getFileName().toString();
                if (!fileName.endsWith(".mustache")) {
                    continue;
                }
                Optional<PromptKey> key = PromptKey.parse(fileName.substring(0, fileName.length() - ".mustache".length()));
                if (key.isEmpty()) {
                    Logger.warn("prompt directory {}: ignoring {} (template files are: {}.mustache)", dir, fileName,
                            PromptKey.allKeys().replace(", ", ".mustache, "));
                    continue;
                }
                if (found.containsKey(key.get())) {
                    throw OsmosisException.usage("prompt directory " + dir + " has both " + key.get().fileName()
                            + " and " + key.get().alias() + ".mustache; keep one");
                }
                found.put(key.get(), new String[] {Files.readString(f, StandardCharsets.UTF_8), "prompt file " + f});
            }
        } catch (IOException e) {
            throw OsmosisException.usage("cannot read prompt directory " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static Mustache compile(DefaultMustacheFactory factory, String source, String origin) {
        try {
            return factory.compile(new StringReader(source), origin);
        } catch (MustacheException | IllegalArgumentException e) {
            throw OsmosisException.usage("prompt template " + origin + " is not valid Mustache: " + e.getMessage(), e);
        }
    }

    /** Same line endings everywhere, and no runs of blank lines where optional sections rendered empty. */
    private static String tidy(String rendered) {
        return rendered.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Writes values as they are: prompts are plain text, not HTML. */
    private static final class RawMustacheFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException("cannot write prompt", e);
            }
        }

        /** Each template stands alone: a partial would resolve against the classpath, surprising users. */
        @Override
        public Mustache compilePartial(String name) {
            throw new MustacheException("partials ({{> ...}}) are not supported in prompt templates");
        }
    }
}
