package dev.osmosis.review;

import dev.osmosis.docs.Rejections;
import dev.osmosis.schema.YamlEdit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML edits of a review decision, per file: only the lines the decision is about. */
public final class ReviewEdits {
    private static final List<List<String>> META_PATHS = List.of(List.of("meta"), List.of("config", "meta"));

    private ReviewEdits() {
    }

    /** Accepting adds the review date next to the mark, which stays: the text is still AI-written. */
    public static Map<Path, List<YamlEdit>> accept(List<ReviewItem> items, ReviewKeys keys, LocalDate date) {
        Map<Path, List<YamlEdit>> edits = new LinkedHashMap<>();
        for (ReviewItem i : items) {
            List<String> path = new ArrayList<>(i.metaPath());
            path.add(keys.reviewKey());
            edits.computeIfAbsent(i.file(), f -> new ArrayList<>())
                    .add(new YamlEdit.SetValue(i.entry(), i.column(), path, date.toString()));
        }
        return edits;
    }

    /**
     * Rejecting empties the description (undocumented again, so the next --synthesize writes it anew), records the
     * rejected text's hash next to it (so that run never writes it back, docs/adr/0706) and removes both review
     * keys wherever they are. The hash goes in first: the mapping the keys leave is then not empty and stays.
     */
    public static Map<Path, List<YamlEdit>> reject(List<ReviewItem> items, ReviewKeys keys) {
        Map<Path, List<YamlEdit>> edits = new LinkedHashMap<>();
        for (ReviewItem i : items) {
            List<YamlEdit> file = edits.computeIfAbsent(i.file(), f -> new ArrayList<>());
            file.add(YamlEdit.setDescription(i.entry(), i.column(), ""));
            List<String> rejected = new ArrayList<>(i.metaPath());
            rejected.add(Rejections.KEY);
            file.add(new YamlEdit.SetValue(i.entry(), i.column(), rejected, Rejections.adding(i.meta(), i.text())));
            for (List<String> meta : META_PATHS) {
                for (String key : List.of(keys.markKey(), keys.reviewKey())) {
                    List<String> path = new ArrayList<>(meta);
                    path.add(key);
                    file.add(new YamlEdit.RemoveKey(i.entry(), i.column(), path));
                }
            }
        }
        return edits;
    }
}
