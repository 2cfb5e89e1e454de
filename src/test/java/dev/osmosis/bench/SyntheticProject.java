package dev.osmosis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a synthetic dbt project shaped like a real warehouse: sources, then staging (one per source table),
 * intermediate (joins of staging models) and marts (joins of intermediates), tens of columns each, column names
 * shared down the layers so inheritance has work to do. Sources are documented; models below them mostly are not.
 * The manifest carries the bulky fields a real one has (config, raw and compiled SQL, checksums), so its size is
 * realistic: about 10 KB a node.
 *
 * <p>The {@link Shape#YAML_HEAVY} shape is a mature project instead: wider tables, every model column listed in
 * YAML with its data type, meta and tests (most of them described, the rest left to inherit), so the schema YAML
 * is about as large as the manifest and the YAML layer, not the manifest, dominates a run.
 *
 * <p>The {@link Shape#SPARSE} shape is a first adoption (issue 22): folders of about 100 models with one schema file
 * each, about a third of the models without an entry, the rest with a description and at most a few columns, so
 * nearly every column comes from the catalog and a first run injects, inherits and creates entries in big files.
 */
public final class SyntheticProject {
    static final String PROJECT = "synthetic";
    private static final String[] SHARED = {"customer_id", "order_id", "product_id", "store_id", "created_at",
        "updated_at", "status", "amount", "currency", "quantity", "email", "country", "region", "channel",
        "campaign_id", "session_id", "device_type", "is_active", "discount", "tax"};

    /** What the generated schema YAML looks like. */
    public enum Shape {
        /** Sources documented, model entries list their column names only. */
        STANDARD,
        /** Every column listed with data type, meta and tests; own columns described, passed-through ones not. */
        YAML_HEAVY,
        /**
         * A first adoption: sources documented column by column, models in folders of 100 with one schema file
         * each; a third of the models have no entry, the others a description and at most three columns.
         */
        SPARSE
    }

    /** A model's entry in the sparse shape: absent ({@code present} false), or a description and a few columns. */
    record SparseEntry(boolean present, String description, List<String> columns, List<Boolean> described) {
        static final SparseEntry NONE = new SparseEntry(false, "", List.of(), List.of());
    }

    /** One node of the synthetic DAG. */
    record Model(String id, String name, String layer, String folder, List<String> parents, List<String> columns) {
    }

    private final int models;
    private final Shape shape;
    private final Random random;
    private final List<Model> nodes = new ArrayList<>();
    private final Map<String, Model> byId = new java.util.HashMap<>();
    /** The sparse shape's entries, drawn from their own generator so the other shapes stay as they were. */
    private final Map<String, SparseEntry> sparse = new java.util.HashMap<>();
    private final Random sparseRandom;

    public SyntheticProject(int models, long seed) {
        this(models, seed, Shape.STANDARD);
    }

    public SyntheticProject(int models, long seed, Shape shape) {
        this.models = models;
        this.shape = shape;
        this.random = new Random(seed);
        this.sparseRandom = new Random(seed * 31 + 7);
        plan();
    }

    public List<Model> nodes() {
        return nodes;
    }

    private void plan() {
        int sources = Math.max(1, models * 3 / 10);
        int staging = sources;
        int intermediate = Math.max(1, models * 4 / 10);
        int marts = Math.max(1, models - staging - intermediate);
        List<String> sourceIds = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            String name = "table_" + i;
            String id = "source." + PROJECT + ".raw_" + (i % 20) + "." + name;
            add(new Model(id, name, "source", "models/sources", List.of(), heavy() ? columns("src" + i, 30, 60)
                    : sparse() ? columns("src" + i, 25, 50) : columns("src" + i, 20, 40)));
            sourceIds.add(id);
        }
        List<String> stagingIds = layer("staging", "stg_", staging, sourceIds, 1, 1);
        List<String> intIds = layer("intermediate", "int_", intermediate, stagingIds, 2, 3);
        layer("marts", "fct_", marts, intIds, 2, 4);
    }

    private List<String> layer(String layer, String prefix, int count, List<String> upstream, int minParents,
                               int maxParents) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            List<String> parents = new ArrayList<>();
            int want = minParents + random.nextInt(maxParents - minParents + 1);
            if (layer.equals("staging")) {
                parents.add(upstream.get(i % upstream.size()));
            } else {
                while (parents.size() < Math.min(want, upstream.size())) {
                    String p = upstream.get(random.nextInt(upstream.size()));
                    if (!parents.contains(p)) {
                        parents.add(p);
                    }
                }
            }
            List<String> cols = new ArrayList<>();
            for (String p : parents) {
                List<String> pc = find(p).columns();
                cols.addAll(pc.subList(0, Math.min(pc.size(), (heavy() ? 40 : sparse() ? 36 : 30) / parents.size() + 2)));
            }
            cols.addAll(heavy() ? columns(name, 6, 12) : sparse() ? columns(name, 3, 8) : columns(name, 2, 6));
            List<String> unique = cols.stream().distinct().toList();
            String id = "model." + PROJECT + "." + name;
            Model model = new Model(id, name, layer, "models/" + layer + "/group_" + (i / (sparse() ? 100 : 50)),
                    parents, unique);
            add(model);
            if (sparse()) {
                sparse.put(id, sparseEntry(model));
            }
            ids.add(id);
        }
        return ids;
    }

    private boolean heavy() {
        return shape == Shape.YAML_HEAVY;
    }

    private boolean sparse() {
        return shape == Shape.SPARSE;
    }

    /** About a third of the models have no entry; of the others, 85 % are described and 40 % list 1-3 columns. */
    private SparseEntry sparseEntry(Model m) {
        if (sparseRandom.nextInt(100) < 32) {
            return SparseEntry.NONE;
        }
        String description = sparseRandom.nextInt(100) < 85 ? "The " + m.layer() + " model " + m.name() + "." : "";
        List<String> listed = new ArrayList<>();
        List<Boolean> described = new ArrayList<>();
        if (sparseRandom.nextInt(100) < 40) {
            int n = Math.min(m.columns().size(), 1 + sparseRandom.nextInt(3));
            for (int i = 0; i < n; i++) {
                listed.add(m.columns().get(i));
                described.add(sparseRandom.nextInt(100) < 70);
            }
        }
        return new SparseEntry(true, description, List.copyOf(listed), List.copyOf(described));
    }

    /** The model's entry in the sparse shape; every model of the other shapes has a full one. */
    SparseEntry sparseEntry(String id) {
        return sparse.getOrDefault(id, SparseEntry.NONE);
    }

    private Model find(String id) {
        return byId.get(id);
    }

    private void add(Model m) {
        nodes.add(m);
        byId.put(m.id(), m);
    }

    private List<String> columns(String owner, int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(i < SHARED.length && random.nextInt(3) > 0 ? SHARED[i] : owner + "_attr_" + i);
        }
        return cols.stream().distinct().toList();
    }

    /** Writes dbt_project.yml, SQL, schema YAML, target/manifest.json and target/catalog.json under {@code root}. */
    public void write(Path root) throws IOException {
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("dbt_project.yml"), "name: " + PROJECT + "\nversion: '1.0'\nprofile: "
                + PROJECT + "\nmodel-paths: [\"models\"]\n");
        writeYamlAndSql(root);
        SyntheticArtifacts artifacts = new SyntheticArtifacts(nodes, random, this::documentedInModel,
                sparse() ? this::sparseEntry : null);
        artifacts.writeManifest(root.resolve("target/manifest.json"));
        artifacts.writeCatalog(root.resolve("target/catalog.json"));
    }

    private void writeYamlAndSql(Path root) throws IOException {
        Map<String, StringBuilder> yamlByFolder = new TreeMap<>();
        for (Model m : nodes) {
            Path folder = root.resolve(m.folder());
            Files.createDirectories(folder);
            if (m.layer().equals("source")) {
                continue;
            }
            Files.writeString(folder.resolve(m.name() + ".sql"), sql(m));
            if (sparse()) {
                writeSparseEntry(yamlByFolder, m);
                continue;
            }
            StringBuilder y = yamlByFolder.computeIfAbsent(m.folder(), f -> new StringBuilder("version: 2\n\nmodels:\n"));
            y.append("  - name: ").append(m.name()).append('\n');
            if (heavy()) {
                writeHeavyEntry(y, m);
                continue;
            }
            y.append("    columns:\n");
            for (String c : m.columns()) {
                y.append("      - name: ").append(c).append('\n');
            }
        }
        // One YAML file per source, as real projects lay them out (models/sources/raw_N.yml).
        Map<String, StringBuilder> bySource = new TreeMap<>();
        for (Model m : nodes) {
            if (!m.layer().equals("source")) {
                continue;
            }
            String sourceName = m.id().split("\\.")[2];
            StringBuilder src = bySource.computeIfAbsent(sourceName, n -> new StringBuilder("version: 2\n\nsources:\n"
                    + "  - name: " + n + "\n    tables:\n"));
            src.append("      - name: ").append(m.name()).append("\n        description: Raw ").append(m.name())
                    .append(" as loaded.\n        columns:\n");
            for (String c : m.columns()) {
                src.append("          - name: ").append(c).append("\n            description: \"")
                        .append(describe(c)).append("\"\n");
                if (heavy()) {
                    heavyColumnBody(src, c, "            ");
                }
            }
        }
        for (var e : yamlByFolder.entrySet()) {
            Files.writeString(root.resolve(e.getKey()).resolve("_models.yml"), e.getValue());
        }
        for (var e : bySource.entrySet()) {
            Files.writeString(root.resolve("models/sources").resolve(e.getKey() + ".yml"), e.getValue());
        }
    }

    /** A first adoption's entry, if the model has one: a description, the first columns, the key's tests. */
    private void writeSparseEntry(Map<String, StringBuilder> yamlByFolder, Model m) {
        SparseEntry e = sparse.get(m.id());
        if (!e.present()) {
            return;
        }
        StringBuilder y = yamlByFolder.computeIfAbsent(m.folder(), f -> new StringBuilder("version: 2\n\nmodels:\n"));
        y.append("  - name: ").append(m.name()).append('\n');
        if (!e.description().isEmpty()) {
            y.append("    description: \"").append(e.description()).append("\"\n");
        }
        if (e.columns().isEmpty()) {
            return;
        }
        y.append("    columns:\n");
        for (int i = 0; i < e.columns().size(); i++) {
            String c = e.columns().get(i);
            y.append("      - name: ").append(c).append('\n');
            if (e.described().get(i)) {
                y.append("        description: \"").append(describe(c)).append("\"\n");
            }
            if (i == 0) {
                y.append("        data_tests:\n          - not_null\n");
            }
        }
    }

    /** A mature entry: description, config, meta and tests on the model and on every column it lists. */
    private void writeHeavyEntry(StringBuilder y, Model m) {
        y.append("    description: \"").append(m.layer()).append(" model ").append(m.name()).append(".\"\n");
        y.append("    config:\n      tags: [\"").append(m.layer()).append("\"]\n");
        y.append("    meta:\n      owner: team_").append(m.name().hashCode() & 7).append("\n      tier: ")
                .append(m.layer().equals("marts") ? 1 : 2).append('\n');
        y.append("    columns:\n");
        for (String c : m.columns()) {
            y.append("      - name: ").append(c).append('\n');
            if (documentedInModel(m, c)) {
                y.append("        description: \"").append(describe(c)).append("\"\n");
            }
            heavyColumnBody(y, c, "        ");
        }
    }

    private static void heavyColumnBody(StringBuilder y, String c, String indent) {
        y.append(indent).append("data_type: ").append(dataType(c)).append('\n');
        y.append(indent).append("meta:\n").append(indent).append("  pii: ").append(c.equals("email"))
                .append('\n');
        y.append(indent).append("data_tests:\n").append(indent).append("  - not_null\n");
        if (c.endsWith("_id")) {
            y.append(indent).append("  - unique\n");
        }
    }

    /** In the YAML-heavy shape a model describes the columns it introduces; passed-through ones inherit. */
    private boolean documentedInModel(Model m, String column) {
        if (sparse()) {
            SparseEntry e = sparseEntry(m.id());
            int i = e.columns().indexOf(column);
            return i >= 0 && e.described().get(i);
        }
        return heavy() && m.parents().stream().noneMatch(p -> find(p).columns().contains(column));
    }

    static String dataType(String c) {
        return c.endsWith("_id") ? "bigint" : c.endsWith("_at") ? "timestamp" : "text";
    }

    static String describe(String column) {
        return "The " + column.replace('_', ' ') + " of the record.";
    }

    static String sql(Model m) {
        StringBuilder s = new StringBuilder("select\n");
        for (int i = 0; i < m.columns().size(); i++) {
            s.append("    ").append(m.columns().get(i)).append(i + 1 < m.columns().size() ? ",\n" : "\n");
        }
        s.append("from ");
        for (int i = 0; i < m.parents().size(); i++) {
            String p = m.parents().get(i);
            String[] parts = p.split("\\.");
            s.append(i > 0 ? "\njoin " : "").append(p.startsWith("source.")
                    ? "{{ source('" + parts[2] + "', '" + parts[3] + "') }}"
                    : "{{ ref('" + parts[2] + "') }}").append(" as t").append(i);
            if (i > 0) {
                s.append(" using (customer_id)");
            }
        }
        return s.append('\n').toString();
    }
}
