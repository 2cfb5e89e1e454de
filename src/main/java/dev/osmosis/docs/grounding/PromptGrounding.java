package dev.osmosis.docs.grounding;

import dev.osmosis.project.DocBlock;
import dev.osmosis.project.DocReferences;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.MarkdownDocBlocks;
import dev.osmosis.project.Project;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a prompt is told beyond the YAML text: descriptions with their {@code {{ doc() }}} references rendered
 * (from the manifest's doc blocks, or the project's .md files for a block the manifest lacks), and the facts the
 * project states about a column (tests, accepted values, relationships, meta). Only prompts see this; the YAML
 * keeps its references. Safe for concurrent use: the .md files are read once, on the first reference the
 * manifest cannot render.
 */
public final class PromptGrounding {
    /** A doc block longer than this is cut in a prompt: one long block must not crowd the rest. */
    public static final int MAX_BLOCK_CHARS = 1_500;

    private final DocReferences manifestDocs;
    private final Supplier<List<DocBlock>> markdownBlocks;
    private final String ownPackage;
    private final ColumnFacts facts;
    private volatile DocReferences markdownDocs;

    PromptGrounding(Manifest manifest, String ownPackage, Supplier<List<DocBlock>> markdownBlocks,
                    Set<String> ignoredMetaKeys) {
        this.manifestDocs = new DocReferences(manifest.docs().values(), ownPackage);
        this.markdownBlocks = markdownBlocks;
        this.ownPackage = ownPackage;
        this.facts = new ColumnFacts(manifest, ignoredMetaKeys);
    }

    /** {@code markKey}: the meta key osmosis marks synthesized text with (null: none), never shown as a fact. */
    public static PromptGrounding of(Project project, String markKey) {
        return new PromptGrounding(project.manifest(), project.packageName(), () -> MarkdownDocBlocks.of(project),
                markKey == null ? Set.of() : Set.of(markKey));
    }

    /** Nothing to add: descriptions as they are, no facts. */
    public static PromptGrounding none() {
        return new PromptGrounding(new Manifest(0, null, null, Map.of(), Map.of(), Set.of()), null, List::of,
                Set.of());
    }

    /** {@code text} with each doc() reference it can resolve replaced by the block's text, cut when long. */
    public String render(String text) {
        if (!DocReferences.mayReference(text)) {
            return text;
        }
        String rendered = manifestDocs.render(text, MAX_BLOCK_CHARS);
        String out = rendered == null ? text : rendered;
        if (manifestDocs.hasUnknown(out)) {
            String fromFiles = markdownDocs().render(out, MAX_BLOCK_CHARS);
            out = fromFiles == null ? out : fromFiles;
        }
        return out;
    }

    /** The facts about column {@code column} of node {@code nodeId}, whose meta (as the YAML has it now) is given. */
    public List<String> facts(String nodeId, String column, Map<String, Object> meta) {
        return facts.of(nodeId, column, meta);
    }

    /**
     * The facts of a traced ancestor column ({@code nodeId}'s {@code column}), each line prefixed
     * "upstream stg_orders.status: ", to add to the facts of the column asked about.
     */
    public List<String> upstreamFacts(String nodeId, String column) {
        return facts.upstream(nodeId, column);
    }

    private DocReferences markdownDocs() {
        DocReferences d = markdownDocs;
        if (d == null) {
            synchronized (this) {
                d = markdownDocs;
                if (d == null) {
                    d = new DocReferences(markdownBlocks.get(), ownPackage);
                    markdownDocs = d;
                }
            }
        }
        return d;
    }
}
