package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every flag of dbt-osmosis 1.4–1.6's `yaml refactor` and `yaml document` (its src/dbt_osmosis/cli/main.py:
 * dbt_opts, yaml_opts, logging_opts and each command's own options) against what osmosis does with it. Each run
 * is a --dry-run on a copy of examples/shopverse: a HARMLESS flag must print exactly the baseline diff, an
 * IMPLEMENTED flag must run, a REFUSED flag must exit 2 saying why and what to use instead.
 */
class DbtOsmosisFlagsTest {
    enum Treatment { IMPLEMENTED, HARMLESS, REFUSED }

    /** {@code message}: what stderr must contain (the note of a harmless flag, the reason of a refused one). */
    record Row(String flag, List<String> args, Treatment treatment, int exit, String message) {
        static Row of(String flag, Treatment t, String... values) {
            List<String> args = new ArrayList<>(List.of(flag));
            args.addAll(Arrays.asList(values));
            return new Row(flag, args, t, t == Treatment.REFUSED ? 2 : 0, null);
        }

        Row exit(int code) {
            return new Row(flag, args, treatment, code, message);
        }

        Row says(String text) {
            return new Row(flag, args, treatment, exit, text);
        }

        @Override
        public String toString() {
            return String.join(" ", args) + " -> " + treatment;
        }
    }

    /** Stands for the project copy's folder in a row's arguments. */
    static final String ROOT = "<root>";

    static final List<Row> BOTH = List.of(
            // dbt_opts
            Row.of("--project-dir", Treatment.IMPLEMENTED, ROOT),
            Row.of("--profiles-dir", Treatment.HARMLESS, ROOT),
            Row.of("-t", Treatment.HARMLESS, "dev"),
            Row.of("--target", Treatment.HARMLESS, "dev"),
            Row.of("--threads", Treatment.HARMLESS, "4").says("note: --threads"),
            // yaml_opts
            Row.of("stg_orders", Treatment.IMPLEMENTED),
            Row.of("-f", Treatment.IMPLEMENTED, "silver"),
            Row.of("--fqn", Treatment.IMPLEMENTED, "silver.stg_orders"),
            Row.of("-d", Treatment.IMPLEMENTED),
            Row.of("--dry-run", Treatment.IMPLEMENTED),
            Row.of("-C", Treatment.IMPLEMENTED).exit(1),
            Row.of("--check", Treatment.IMPLEMENTED).exit(1),
            Row.of("--catalog-path", Treatment.HARMLESS, ROOT + "/target/catalog.json"),
            Row.of("--profile", Treatment.HARMLESS, "shopverse").says("note: --profile"),
            Row.of("--vars", Treatment.IMPLEMENTED, "{dbt-osmosis: {sort-by: alphabetical}}"),
            Row.of("--disable-introspection", Treatment.HARMLESS).says("note: --disable-introspection"),
            Row.of("--create-catalog-if-not-exists", Treatment.HARMLESS),
            Row.of("--scaffold-empty-configs", Treatment.REFUSED).says("osmosis coverage"),
            Row.of("--no-scaffold-empty-configs", Treatment.HARMLESS),
            Row.of("--strip-eof-blank-lines", Treatment.IMPLEMENTED),
            Row.of("--keep-eof-blank-lines", Treatment.HARMLESS),
            Row.of("--formatter", Treatment.REFUSED, "prettier --write").says("Run the formatter after osmosis"),
            // logging_opts
            Row.of("--log-level", Treatment.IMPLEMENTED, "WARNING"),
            // the inheritance and output options of refactor and document
            Row.of("-F", Treatment.IMPLEMENTED),
            Row.of("--force-inherit-descriptions", Treatment.IMPLEMENTED),
            Row.of("--skip-inherit-descriptions", Treatment.IMPLEMENTED),
            Row.of("--use-unrendered-descriptions", Treatment.HARMLESS),
            Row.of("--prefer-yaml-values", Treatment.HARMLESS),
            Row.of("--skip-add-columns", Treatment.IMPLEMENTED),
            Row.of("--skip-add-source-columns", Treatment.IMPLEMENTED),
            Row.of("--skip-add-tags", Treatment.IMPLEMENTED),
            Row.of("--skip-merge-meta", Treatment.IMPLEMENTED),
            Row.of("--skip-inheritance-for-meta-keys", Treatment.IMPLEMENTED, "owner"),
            Row.of("--skip-add-data-types", Treatment.IMPLEMENTED),
            Row.of("--add-progenitor-to-meta", Treatment.IMPLEMENTED),
            Row.of("--add-inheritance-for-specified-keys", Treatment.IMPLEMENTED, "policy_tags"),
            Row.of("--numeric-precision-and-scale", Treatment.IMPLEMENTED),
            Row.of("--string-length", Treatment.IMPLEMENTED),
            Row.of("--output-to-lower", Treatment.IMPLEMENTED),
            Row.of("--output-to-upper", Treatment.IMPLEMENTED),
            Row.of("--synthesize", Treatment.IMPLEMENTED, "--llm-dry-run"),
            Row.of("--include-external", Treatment.IMPLEMENTED),
            Row.of("--fusion-compat", Treatment.IMPLEMENTED),
            Row.of("--no-fusion-compat", Treatment.IMPLEMENTED));

    /** refactor's (and organize's) own flag; `yaml document` rejects it, as dbt-osmosis's does. */
    static final List<Row> REFACTOR_ONLY = List.of(
            Row.of("--auto-apply", Treatment.HARMLESS));

    @TempDir static Path tmp;
    static Path root;
    static final Map<String, String> BASELINE = new java.util.HashMap<>();

    @BeforeAll
    static void copyProject() {
        root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        for (String command : List.of("refactor", "document")) {
            CliHarness.Result r = CliHarness.run(env(), "yaml", command, "--dry-run", "--project-dir",
                    root.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().contains("+++"), "the baseline must change something, or HARMLESS proves nothing");
            BASELINE.put(command, r.out());
        }
    }

    static Map<String, String> env() {
        return Map.of("OSMOSIS_HOME", tmp.resolve("home").toString());
    }

    static Stream<Object[]> rows() {
        Stream<Object[]> both = BOTH.stream().flatMap(r -> Stream.of(new Object[]{"refactor", r},
                new Object[]{"document", r}));
        return Stream.concat(both, REFACTOR_ONLY.stream().map(r -> new Object[]{"refactor", r}));
    }

    @ParameterizedTest(name = "yaml {0} {1}")
    @MethodSource("rows")
    void everyDbtOsmosisFlagIsAcceptedOrRefusedWithAReason(String command, Row row) {
        List<String> args = new ArrayList<>(List.of("yaml", command));
        row.args().forEach(a -> args.add(a.replace(ROOT, root.toString())));
        if (!row.flag().equals("--project-dir")) {
            args.addAll(List.of("--project-dir", root.toString()));
        }
        if (!row.flag().equals("-d") && !row.flag().equals("--dry-run")) {
            args.add("--dry-run");
        }
        CliHarness.Result r = CliHarness.run(env(), args.toArray(String[]::new));

        assertEquals(row.exit(), r.exitCode(), r.err());
        if (row.message() != null) {
            assertTrue(r.err().contains(row.message()), r.err());
        }
        if (row.treatment() == Treatment.HARMLESS) {
            assertEquals(BASELINE.get(command), r.out(), row.flag() + " must not change the result");
        }
        if (row.treatment() == Treatment.REFUSED) {
            assertTrue(r.err().contains("not supported"), r.err());
        }
    }

    @Test
    void documentRejectsAutoApplyLikeDbtOsmosisDoes() {
        CliHarness.Result r = CliHarness.run(env(), "yaml", "document", "--auto-apply", "--project-dir",
                root.toString(), "--dry-run");
        assertEquals(2, r.exitCode(), r.err());
    }

    /** The table covers every option name dbt-osmosis's refactor declares, and osmosis's parser knows each one. */
    @Test
    void theTableCoversEveryFlagOfDbtOsmosisRefactor() {
        Set<String> dbtOsmosis = new TreeSet<>(List.of("--project-dir", "--profiles-dir", "-t", "--target",
                "--threads", "-f", "--fqn", "-d", "--dry-run", "-C", "--check", "--catalog-path", "--profile",
                "--vars", "--disable-introspection", "--create-catalog-if-not-exists", "--scaffold-empty-configs",
                "--no-scaffold-empty-configs", "--strip-eof-blank-lines", "--keep-eof-blank-lines", "--formatter",
                "--log-level", "-F", "--force-inherit-descriptions", "--skip-inherit-descriptions",
                "--use-unrendered-descriptions", "--prefer-yaml-values", "--skip-add-columns",
                "--skip-add-source-columns", "--skip-add-tags", "--skip-merge-meta", "--skip-inheritance-for-meta-keys",
                "--skip-add-data-types", "--add-progenitor-to-meta", "--add-inheritance-for-specified-keys",
                "--numeric-precision-and-scale", "--string-length", "--output-to-lower", "--output-to-upper",
                "--auto-apply", "--synthesize", "--include-external", "--fusion-compat", "--no-fusion-compat"));
        Set<String> inTable = new TreeSet<>();
        Stream.concat(BOTH.stream(), REFACTOR_ONLY.stream()).map(Row::flag).filter(f -> f.startsWith("-"))
                .forEach(inTable::add);
        assertEquals(dbtOsmosis, inTable);

        CommandLine refactor = new CommandLine(new RefactorCommand());
        for (String flag : dbtOsmosis) {
            // picocli lists a negatable option (--[no-]fusion-compat) under its positive name only
            var option = refactor.getCommandSpec().findOption(flag);
            if (option == null && flag.startsWith("--no-")) {
                option = refactor.getCommandSpec().findOption("--" + flag.substring(5));
                assertTrue(option != null && option.negatable(), flag + " is not a negatable option of yaml refactor");
            }
            assertNotNull(option, flag + " is not an option of yaml refactor");
        }
    }
}
