package dev.osmosis.writes;

import java.io.IOException;

/** A write the {@link WriteGate} refused; the message is the reason, for "cannot write FILE: reason". */
public final class WriteRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    WriteRefusedException(String reason) {
        super(reason);
    }
}
