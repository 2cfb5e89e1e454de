package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.prompt.PromptLimits;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.style.LanguageChoice;
import dev.osmosis.style.PromptLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * Prompt options of {@code --synthesize}: where templates come from, the user's context file and the SQL cut.
 * Precedence everywhere: CLI flag > environment > {@code vars: dbt-osmosis: llm:} > default.
 */
public final class PromptOptions {
    public static final String ENV_PROMPT_FILE = "OSMOSIS_LLM_PROMPT_FILE";
    public static final String ENV_MAX_SQL_CHARS = "OSMOSIS_LLM_MAX_SQL_CHARS";
    public static final String ENV_LANGUAGE = "OSMOSIS_LLM_LANGUAGE";

    @Option(names = "--llm-prompt-dir", paramLabel = "DIR",
            description = "Folder of Mustache prompt templates (<key>.mustache); missing ones use the defaults.")
    Path promptDir;

    @Option(names = "--llm-prompt-file", paramLabel = "FILE",
            description = "One YAML file of prompt templates keyed model_system, model_user, column_system, "
                    + "column_user, table_system, table_user, judge_system, judge_user (env OSMOSIS_LLM_PROMPT_FILE).")
    Path promptFile;

    @Option(names = "--llm-context", paramLabel = "FILE",
            description = "Text added to every prompt: a glossary, a style guide.")
    Path contextFile;

    @Option(names = "--llm-max-sql-chars", paramLabel = "N",
            description = "Cut the SQL in prompts to N characters (env OSMOSIS_LLM_MAX_SQL_CHARS; default "
                    + PromptLimits.DEFAULT_MAX_SQL_CHARS + ").")
    Integer maxSqlChars;

    @Option(names = "--llm-language", paramLabel = "LANGUAGE",
            description = "Language to write descriptions in, e.g. Portuguese or pt-BR; none asks for none (env "
                    + "OSMOSIS_LLM_LANGUAGE, vars: dbt-osmosis: llm: language; default: the language of the "
                    + "project's descriptions when clear, English saying nothing).")
    String language;

    public Path promptDir() {
        return promptDir;
    }

    public Path promptFile() {
        return promptFile;
    }

    public Path contextFile() {
        return contextFile;
    }

    /**
     * The templates in effect. Prompt dir: {@code --llm-prompt-dir} > {@code llm: prompt_dir}; prompt file:
     * {@code --llm-prompt-file} > {@code OSMOSIS_LLM_PROMPT_FILE} > {@code llm: prompt_file}. Paths from the
     * project vars are relative to {@code projectDir}; the others to the working directory. Per template,
     * {@code OSMOSIS_LLM_PROMPT_<KEY>} > prompt file > prompt dir > default.
     *
     * @param options         parsed options (null: none given)
     * @param env             the process environment
     * @param projectLlmVars  the {@code vars: dbt-osmosis: llm:} map of dbt_project.yml (null or empty: none)
     * @param projectDir      the dbt project directory
     */
    public static PromptTemplates resolveTemplates(PromptOptions options, Map<String, String> env,
            Map<String, Object> projectLlmVars, Path projectDir) {
        Map<String, String> environment = env == null ? Map.of() : env;
        Map<String, Object> vars = projectLlmVars == null ? Map.of() : projectLlmVars;
        Path dir = options != null && options.promptDir != null ? options.promptDir
                : projectPath(vars, "prompt_dir", projectDir);
        Path file = options != null && options.promptFile != null ? options.promptFile
                : nonBlank(environment.get(ENV_PROMPT_FILE)) ? Path.of(environment.get(ENV_PROMPT_FILE).strip())
                : projectPath(vars, "prompt_file", projectDir);
        return PromptTemplates.load(dir, file, environment);
    }

    /** SQL characters per prompt: {@code --llm-max-sql-chars} > {@code OSMOSIS_LLM_MAX_SQL_CHARS} > 8000. */
    public int maxSqlChars(Map<String, String> env) {
        if (maxSqlChars != null) {
            return positive(maxSqlChars, "--llm-max-sql-chars");
        }
        String value = env == null ? null : env.get(ENV_MAX_SQL_CHARS);
        if (!nonBlank(value)) {
            return PromptLimits.DEFAULT_MAX_SQL_CHARS;
        }
        try {
            return positive(Integer.parseInt(value.strip()), ENV_MAX_SQL_CHARS);
        } catch (NumberFormatException e) {
            throw OsmosisException.usage(ENV_MAX_SQL_CHARS + " must be a whole number of characters, got '"
                    + value + "'");
        }
    }

    /** The default limits with the resolved SQL cut. */
    public PromptLimits limits(Map<String, String> env) {
        return PromptLimits.DEFAULTS.withMaxSqlChars(maxSqlChars(env));
    }

    /** The text of {@code --llm-context FILE}, or "" when not given. */
    public String userContext() {
        if (contextFile == null) {
            return "";
        }
        if (!Files.isRegularFile(contextFile)) {
            throw OsmosisException.usage("--llm-context file " + contextFile + " does not exist");
        }
        try {
            return Files.readString(contextFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OsmosisException.usage("cannot read --llm-context file " + contextFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The language the prompts ask for: {@code --llm-language} > {@code OSMOSIS_LLM_LANGUAGE} > {@code vars:
     * dbt-osmosis: llm: language} (present but empty: none) > detected in {@code descriptions}.
     */
    public LanguageChoice language(Map<String, String> env, Map<String, Object> projectLlmVars,
                                   Supplier<? extends Collection<String>> descriptions) {
        if (language != null) {
            return PromptLanguage.choose(language, "--llm-language", descriptions);
        }
        String fromEnv = env == null ? null : env.get(ENV_LANGUAGE);
        if (nonBlank(fromEnv)) {
            return PromptLanguage.choose(fromEnv, ENV_LANGUAGE, descriptions);
        }
        if (projectLlmVars != null && projectLlmVars.containsKey("language")) {
            return PromptLanguage.choose(Objects.requireNonNullElse(projectLlmVars.get("language"), ""),
                    "dbt_project.yml (vars: dbt-osmosis: llm: language)", descriptions);
        }
        return PromptLanguage.choose(null, "", descriptions);
    }

    private static Path projectPath(Map<String, Object> vars, String key, Path projectDir) {
        Object value = vars.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw OsmosisException.usage("vars: dbt-osmosis: llm: " + key + " must be a path, got '" + value + "'");
        }
        Path p = Path.of(s.strip());
        return p.isAbsolute() || projectDir == null ? p : projectDir.resolve(p);
    }

    private static int positive(int n, String source) {
        if (n < 1) {
            throw OsmosisException.usage(source + " must be at least 1, got " + n);
        }
        return n;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
