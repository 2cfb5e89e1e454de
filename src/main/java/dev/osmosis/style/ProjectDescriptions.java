package dev.osmosis.style;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.project.DocBlock;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.review.ReviewKeys;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The descriptions people wrote in a project, which tell its language: the model, source and column descriptions
 * of the project's own package (an installed package's English says nothing about the project) and its own doc
 * blocks, each distinct text once (inheritance copies one text down a whole chain). Left out: placeholders, text an
 * AI wrote ({@code meta.osmosis_generated}, reviewed or not), and Jinja such as {@code {{ doc("x") }}}, whose
 * block is read as a doc block instead.
 */
public final class ProjectDescriptions {
    private static final Pattern JINJA = Pattern.compile("\\{\\{.*?}}|\\{%.*?%}|\\{#.*?#}", Pattern.DOTALL);

    private ProjectDescriptions() {
    }

    /** {@code docs}: every node's documentation as it stands before the run, by unique id. */
    public static Set<String> of(Project project, Map<String, NodeDocs> docs, Placeholders placeholders,
                                 ReviewKeys keys) {
        Set<String> texts = new TreeSet<>();
        for (Node node : project.manifest().nodes().values()) {
            NodeDocs d = docs.get(node.uniqueId());
            if (d == null || !project.isOwn(node)) {
                continue;
            }
            add(texts, d.description(), d.meta(), placeholders, keys);
            for (ColumnDocs c : d.columns()) {
                add(texts, c.description(), c.meta(), placeholders, keys);
            }
        }
        for (DocBlock block : project.manifest().docs().values()) {
            if (Objects.equals(block.packageName(), project.packageName())) {
                add(texts, block.contents(), Map.of(), placeholders, keys);
            }
        }
        return texts;
    }

    private static void add(Set<String> texts, String description, Map<String, Object> meta,
                            Placeholders placeholders, ReviewKeys keys) {
        if (description == null || !placeholders.isDocumented(description) || keys.status(meta) != null) {
            return;
        }
        String plain = JINJA.matcher(description).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (!plain.isEmpty()) {
            texts.add(plain);
        }
    }
}
