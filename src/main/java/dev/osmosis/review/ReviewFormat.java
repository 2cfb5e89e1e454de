package dev.osmosis.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.osmosis.ci.GithubAnnotations;
import dev.osmosis.ci.JUnitXml;
import dev.osmosis.text.TerminalJson;
import dev.osmosis.text.TerminalText;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The listing of `osmosis review` in its four formats; paths are shown as {@code shown} renders them. */
public final class ReviewFormat {
    public enum Kind { text, json, github, junit }

    static final String TITLE = "AI-written description awaiting review";
    static final String OWNER_TITLE = "Undocumented place that needs its owner";
    /** Why a place needs its owner, as every format says it. */
    static final String OWNER_REASON = "the model could not tell it from its input";

    private final List<ReviewItem> all;
    private final List<ReviewItem> pending;
    private final List<ReviewItem> needsOwner;
    private final long reviewed;
    private final Function<ReviewItem, String> shown;

    public ReviewFormat(List<ReviewItem> items, Function<ReviewItem, String> shownFile) {
        this.all = items.stream().filter(i -> i.status() != ReviewStatus.NEEDS_OWNER).toList();
        this.pending = items.stream().filter(i -> i.status() == ReviewStatus.PENDING).toList();
        this.needsOwner = items.stream().filter(i -> i.status() == ReviewStatus.NEEDS_OWNER).toList();
        this.reviewed = all.size() - pending.size();
        this.shown = shownFile;
    }

    public String render(Kind kind) {
        return switch (kind) {
            case text -> text();
            case json -> json();
            case github -> github();
            case junit -> junit();
        };
    }

    /** Every piece osmosis did not write is escaped: the text is a model's; file, node and model names are not ours. */
    private String text() {
        StringBuilder b = new StringBuilder();
        for (ReviewItem i : pending) {
            b.append(TerminalText.escape(shown.apply(i))).append(':').append(i.line()).append("  ")
                    .append(TerminalText.escape(i.selector()));
            String by = TerminalText.escape(writtenBy(i));
            b.append(by.isEmpty() ? "" : "  [" + by + "]").append('\n');
            i.text().strip().lines().forEach(l -> b.append("    ").append(TerminalText.escape(l)).append('\n'));
        }
        for (ReviewItem i : needsOwner) {
            b.append(TerminalText.escape(shown.apply(i))).append(':').append(i.line()).append("  ")
                    .append(TerminalText.escape(i.selector())).append("  [needs its owner: ").append(OWNER_REASON)
                    .append("]\n");
        }
        return b.append(summary()).append('\n').toString();
    }

    String summary() {
        String done = reviewed == 0 ? "" : " (" + reviewed + " reviewed)";
        String owner = needsOwner.isEmpty() ? "" : " " + needsOwner.size() + " undocumented place"
                + (needsOwner.size() == 1 ? " needs its" : "s need their") + " owner (the model abstained): write "
                + (needsOwner.size() == 1 ? "it" : "them") + " by hand.";
        if (pending.isEmpty()) {
            return "No AI-written description awaits review" + done + "." + owner;
        }
        return pending.size() + " AI-written description" + (pending.size() == 1 ? " awaits" : "s await")
                + " review" + done + ": osmosis review --accept NODE[.COLUMN]... (or --reject) when you have read them."
                + owner;
    }

    private String json() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReviewItem i : pending) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", i.node());
            m.put("unique_id", i.uniqueId());
            m.put("column", i.column());
            m.put("text", i.text());
            m.put("file", shown.apply(i));
            m.put("line", i.line());
            m.put("provider", i.call() == null ? null : i.call().provider());
            m.put("model", i.call() == null ? null : i.call().model());
            m.put("generated_at", i.call() == null ? null : i.call().time().toString());
            list.add(m);
        }
        List<Map<String, Object>> owner = new ArrayList<>();
        for (ReviewItem i : needsOwner) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", i.node());
            m.put("unique_id", i.uniqueId());
            m.put("column", i.column());
            m.put("file", shown.apply(i));
            m.put("line", i.line());
            owner.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pending", pending.size());
        out.put("reviewed", reviewed);
        out.put("descriptions", list);
        out.put("needs_owner", owner);
        try {
            return TerminalJson.mapper().writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String github() {
        StringBuilder b = new StringBuilder();
        for (ReviewItem i : pending) {
            String by = writtenBy(i);
            String message = i.selector() + ": " + i.text().strip() + (by.isEmpty() ? "" : " (" + by + ")")
                    + "\nRead it, then: osmosis review --accept " + i.selector() + " (or --reject)";
            b.append(GithubAnnotations.on(GithubAnnotations.Level.warning, shown.apply(i), i.line(), TITLE, message))
                    .append('\n');
        }
        for (ReviewItem i : needsOwner) {
            b.append(GithubAnnotations.on(GithubAnnotations.Level.notice, shown.apply(i), i.line(), OWNER_TITLE,
                    i.selector() + ": " + OWNER_REASON + "; document it by hand.")).append('\n');
        }
        return b.append(GithubAnnotations.run(GithubAnnotations.Level.notice, "osmosis review", summary()))
                .append('\n').toString();
    }

    /** A test case per AI-written description: a failure while it awaits review, a pass once reviewed. */
    private String junit() {
        JUnitXml xml = new JUnitXml("osmosis review");
        for (ReviewItem i : all) {
            boolean open = i.status() == ReviewStatus.PENDING;
            xml.add(new JUnitXml.TestCase(i.uniqueId(), i.column() == null ? "(description)" : i.column(),
                    shown.apply(i), i.line(), open ? TITLE : null, i.text().strip() + "\n" + writtenBy(i)));
        }
        return xml.render();
    }

    /** "gpt-4o, 2026-11-30" from the ledger, or empty when it does not know. */
    static String writtenBy(ReviewItem i) {
        if (i.call() == null) {
            return "";
        }
        return i.call().model() + ", " + i.call().time().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
