package dev.osmosis.project;

import com.fasterxml.jackson.core.JsonParseException;
import dev.osmosis.OsmosisException;
import java.nio.file.Path;

/** The error a user sees for a dbt JSON artifact (manifest, catalog) that is not valid JSON. */
final class JsonArtifact {
    private JsonArtifact() {
    }

    /** File, line, column and the parser's problem without its internal details, plus how to regenerate it. */
    static OsmosisException invalid(Path file, JsonParseException e, String regenerate) {
        String problem = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                .replaceAll("\\s+", " ").strip();
        return OsmosisException.usage(file + " is not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + "): " + problem + ". Regenerate it with `"
                + regenerate + "`.", e);
    }
}
