package dev.osmosis.cli;

import dev.osmosis.docs.DocState;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.docs.synthesis.SynthesisSettings;
import dev.osmosis.project.Project;
import dev.osmosis.review.ReviewKeys;
import dev.osmosis.style.LanguageChoice;
import dev.osmosis.style.ProjectDescriptions;
import dev.osmosis.style.StyleGuide;
import dev.osmosis.text.TerminalText;
import java.util.Map;
import org.tinylog.Logger;

/**
 * The project's style guide and the language of its descriptions, settled once for every command that asks a
 * model to write (`yaml document --synthesize`, `llm eval`), so both ask the same way.
 */
final class PromptStyle {
    private PromptStyle() {
    }

    /**
     * The project's style guide joins the --llm-context text, and the language of the descriptions is settled; each
     * is said once, so a reader of the log (or of --llm-dry-run) knows what the prompts ask and why.
     */
    static SynthesisSettings apply(CommandContext ctx, PromptOptions prompts, Project project, DocState state,
                                   SynthesisSettings settings) {
        Map<String, Object> llmVars = project.config().llmVars();
        StyleGuide guide = StyleGuide.read(project.root());
        if (!guide.warning().isEmpty()) {
            ctx.err().println(TerminalText.escape(guide.warning()));
        }
        if (guide.present()) {
            ctx.err().println("style: " + StyleGuide.FILE_NAME + " goes into every prompt as the project's style "
                    + "guide");
        }
        LanguageChoice language = prompts.language(ctx.env(), llmVars, () -> ProjectDescriptions.of(project,
                state.docs(), PlaceholderSettings.from(project.config()), ReviewKeys.from(llmVars)));
        if (language.asks()) {
            ctx.err().println(TerminalText.escape(language.announcement()));
        } else {
            Logger.debug(language.announcement());
        }
        return settings.withStyle(guide.withContext(settings.userContext()), language.language());
    }
}
