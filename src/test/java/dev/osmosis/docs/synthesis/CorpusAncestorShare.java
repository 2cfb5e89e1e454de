package dev.osmosis.docs.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.grounding.PromptGrounding;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.lineage.columns.ColumnTracer;
import dev.osmosis.lineage.columns.TracedColumn;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.testing.ProjectDocs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The "Done when" measure of issue 19: on a real project, of the undocumented columns a prompt asks for whose
 * text exists in some ancestor (a column of the same name in any generation, or a column the SQL traces it to),
 * how many prompts show that text. Captures the real prompts of a {@code --synthesize} run over every model,
 * snapshot and seed (package ones included) with a client that refuses every call, so nothing is synthesized and
 * the texts upstream are the project's own.
 */
final class CorpusAncestorShare {
    /** One asked column whose text exists upstream but whose prompt did not show it. */
    record Miss(String nodeId, String column, Set<String> upstream) {
    }

    record Share(int shown, int withUpstreamText, int asked, List<Miss> misses) {
        @Override
        public String toString() {
            return shown + "/" + withUpstreamText + " (of " + asked + " asked columns)";
        }
    }

    private CorpusAncestorShare() {
    }

    static Share of(Path projectRoot) {
        Project project = ProjectDocs.load(projectRoot);
        DocState state = ProjectDocs.read(project);
        Lineage lineage = Lineage.of(project.manifest());
        Placeholders placeholders = PlaceholderSettings.from(project.config());
        NodeDocumenter documenter = NodeDocumenter.forProject(DocSettings.defaults(), lineage, project,
                state.docs().values(), false);
        List<LlmRequest> requests = Collections.synchronizedList(new ArrayList<>());
        SynthesisSettings settings = new SynthesisSettings(SynthesisSettings.Strategy.BULK,
                SynthesisSettings.DEFAULT_BATCH_SIZE, null, true, null, "", null);
        Set<String> selected = new TreeSet<>();
        for (Node n : project.manifest().nodes().values()) {
            if (n.resourceType() != ResourceType.SOURCE && state.docs().containsKey(n.uniqueId())) {
                selected.add(n.uniqueId());
            }
        }
        SynthesisRun.Result result = new SynthesisRun(project, lineage, documenter, request -> {
            requests.add(request);
            throw new LlmException(LlmException.Kind.BAD_REQUEST, "measuring prompts only");
        }, new PromptBuilder(PromptTemplates.defaults()), placeholders, settings, 2, null)
                .run(selected, state.docs());

        Map<String, NodeDocs> docs = new HashMap<>(state.docs());
        docs.putAll(result.after());
        ColumnTracer tracer = new ColumnTracer(project.manifest(), lineage);
        // a doc() reference upstream is shown rendered: its block's text is what the prompt must hold
        PromptGrounding grounding = PromptGrounding.of(project, settings.markKey());
        Map<String, Map<String, String>> memo = new HashMap<>();
        int asked = 0;
        int withText = 0;
        int shown = 0;
        List<Miss> misses = new ArrayList<>();
        for (LlmRequest request : requests) {
            String prompt = squeeze(request.system() + "\n" + request.user());
            for (String column : gaps(request)) {
                asked++;
                Set<String> upstream = upstreamTexts(request.nodeId(), column, lineage, tracer, docs, placeholders,
                        memo, grounding::render);
                if (upstream.isEmpty()) {
                    continue;
                }
                withText++;
                if (upstream.stream().anyMatch(t -> prompt.contains(t))) {
                    shown++;
                } else {
                    misses.add(new Miss(request.nodeId(), column, upstream));
                }
            }
        }
        return new Share(shown, withText, asked, misses);
    }

    /** The columns a bulk request asks for: the keys of its answer schema's "columns". */
    private static List<String> gaps(LlmRequest request) {
        List<String> out = new ArrayList<>();
        JsonNode schema = request.jsonSchema();
        if (schema != null) {
            Iterator<String> names = schema.path("properties").path("columns").path("properties").fieldNames();
            names.forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * The texts (squeezed, at most the first 120 characters, as a prompt may clip a long one) of the documented
     * columns upstream of {@code nodeId.column}: the same name in any ancestor, or a column the SQL traces it to.
     */
    private static Set<String> upstreamTexts(String nodeId, String column, Lineage lineage, ColumnTracer tracer,
                                             Map<String, NodeDocs> docs, Placeholders placeholders,
                                             Map<String, Map<String, String>> memo, UnaryOperator<String> render) {
        Set<String> texts = new LinkedHashSet<>();
        for (List<String> generation : lineage.ancestorsByGeneration(nodeId)) {
            for (String id : generation) {
                NodeDocs d = docs.get(id);
                if (d != null) {
                    d.columns().stream().filter(c -> c.name().equalsIgnoreCase(column)
                                    && placeholders.isDocumented(c.description()))
                            .forEach(c -> texts.add(head(render.apply(c.description()))));
                }
            }
        }
        for (TracedColumn t : tracer.ancestors(nodeId, column, id -> memo.computeIfAbsent(id, k -> texts(docs.get(k),
                placeholders)))) {
            if (!t.description().isBlank()) {
                texts.add(head(render.apply(t.description())));
            }
        }
        return texts;
    }

    private static Map<String, String> texts(NodeDocs d, Placeholders placeholders) {
        if (d == null) {
            return Map.of();
        }
        return d.columns().stream().collect(Collectors.toMap(c -> c.name(),
                c -> placeholders.isDocumented(c.description()) ? c.description() : "", (a, b) -> a,
                LinkedHashMap::new));
    }

    private static String head(String text) {
        String s = squeeze(text);
        return s.length() <= 120 ? s : s.substring(0, 120);
    }

    private static String squeeze(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
