package dev.osmosis.schema;

import dev.osmosis.OsmosisException;

/**
 * An edit osmosis refuses to make: its target does not exist, or it sits inside a YAML anchor/alias that other
 * places share (editing it would silently change them too). The file is left as it was.
 */
public final class SchemaEditException extends OsmosisException {
    public SchemaEditException(String message) {
        super(FAILURE, message);
    }
}
