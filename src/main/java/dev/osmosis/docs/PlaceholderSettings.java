package dev.osmosis.docs;

import dev.osmosis.project.DbtProject;
import java.util.ArrayList;
import java.util.List;

/** Reads the placeholder list from `vars: dbt-osmosis: placeholders:`, else dbt-osmosis's defaults. */
public final class PlaceholderSettings {
    private PlaceholderSettings() {
    }

    public static Placeholders from(DbtProject project) {
        Object configured = project.osmosisVars().get("placeholders");
        if (configured instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            list.forEach(o -> texts.add(String.valueOf(o)));
            return Placeholders.of(texts);
        }
        return Placeholders.DEFAULT;
    }
}
