package dev.osmosis.cli;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.text.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code osmosis llm test}: one tiny real request, to check key, endpoint and model before a long run. */
@Command(name = "test", description = "Send one tiny request with the resolved LLM configuration.",
        mixinStandardHelpOptions = true)
final class LlmTestCommand implements Callable<Integer> {
    /** Room for models that think before answering; the answer itself is one word. */
    static final int TEST_MAX_TOKENS = 1024;

    @ParentCommand
    LlmCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    LlmOptions llm;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "dbt project whose dbt_project.yml may hold vars: dbt-osmosis: llm: (default: .).")
    Path projectDir;

    @Override
    public Integer call() {
        LlmSettings settings = LlmSettings.resolve(llm.toCliOptions(), parent.environment(),
                ProjectLlmVars.read(projectDir));
        LlmClient client = LlmClients.build(settings);
        LlmRequest request = new LlmRequest("You are a connectivity check.", "Reply with the single word: OK",
                null, TEST_MAX_TOKENS, null, null, "test", null);
        LlmResponse r = client.complete(request);
        PrintWriter out = spec.commandLine().getOut();
        out.println("provider: " + r.provider());
        out.println("model:    " + TerminalText.escape(r.model()));
        out.println("latency:  " + r.latency().toMillis() + " ms" + (r.attempts() > 1 ? " (" + r.attempts()
                + " attempts)" : ""));
        out.println("tokens:   " + tokens(r.usage().inputTokens()) + " in, " + tokens(r.usage().outputTokens())
                + " out");
        String answer = r.text().strip().replaceAll("\\s+", " ");
        out.println("answer:   "
                + TerminalText.escape(answer.length() > 80 ? answer.substring(0, 80) + "..." : answer));
        return 0;
    }

    private static String tokens(long n) {
        return n < 0 ? "unknown" : String.format(Locale.ROOT, "%d", n);
    }
}
