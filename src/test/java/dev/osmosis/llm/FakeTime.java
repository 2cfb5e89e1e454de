package dev.osmosis.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when someone sleeps; records every sleep. */
public final class FakeTime implements TimeSource {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long epochMillis() {
        return 1_700_000_000_000L + nanos.get() / 1_000_000;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos.addAndGet(Math.max(0, duration.toNanos()));
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
