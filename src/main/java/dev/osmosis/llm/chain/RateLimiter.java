package dev.osmosis.llm.chain;

import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.RateLimits;
import dev.osmosis.llm.RateLimits.Budget;
import dev.osmosis.llm.TimeSource;
import dev.osmosis.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Limits shared by every thread of a run: calls in flight, call starts and tokens per minute, and a pause for
 * everyone after a 429. See docs/adr/0102-pace-to-announced-limits.md.
 *
 * <p>Two regimes. Until a response announces the provider's budget, the configured (or default) rpm and tpm hold
 * over a sliding window, the rpm spread evenly over it (no burst larger than the concurrency), and the concurrency
 * is fixed. Once one does, each announced budget is paced
 * evenly (a token bucket holding one second of the announced rate, at {@link #SAFETY} of it), values the user set
 * remain caps, the announced {@code remaining} corrects the bucket when others share the key, and the limiter
 * adapts: concurrency grows by one per success while callers queue for a slot and the rate is not what holds them
 * back, and a 429 halves both the concurrency and the rate, which then creeps back (AIMD).
 *
 * <p>A caller reserves a start time under the lock (the earliest time all limits allow) and sleeps until then
 * outside it, so waiting callers never block each other's bookkeeping. Start times are kept in order, which
 * makes "could the window take one more?" a look at a single entry.
 */
public final class RateLimiter {
    /** How many calls in flight adaptation may reach when the user set no --llm-concurrency. */
    public static final int MAX_ADAPTIVE_CONCURRENCY = 64;
    /** Pace a little under the announced rate: arrival jitter then never bunches calls past it. */
    static final double SAFETY = 0.95;
    /** The burst an announced budget allows: one second of its rate (providers may enforce limits per second). */
    static final long BURST_NANOS = 1_000_000_000L;
    static final double DECREASE = 0.5;
    static final double INCREASE = 0.02;
    static final double MIN_FACTOR = 0.1;
    private static final double MINUTE_NANOS = 60e9;

    /** What one call costs: its estimated tokens in all, of which {@code outputTokens} are the output cap. */
    public record Cost(long tokens, long outputTokens) {
        public Cost {
            tokens = Math.max(0, tokens);
            outputTokens = Math.max(0, Math.min(tokens, outputTokens));
        }

        double of(Budget budget) {
            return switch (budget) {
                case REQUESTS -> 1;
                case TOKENS -> tokens;
                case INPUT_TOKENS -> tokens - outputTokens;
                case OUTPUT_TOKENS -> outputTokens;
            };
        }
    }

    /**
     * The pace in force.
     *
     * @param rpm         call starts per minute, 0 = unlimited
     * @param tpm         tokens per minute, 0 = unlimited
     * @param concurrency calls in flight at most
     * @param announced   true when the provider's announced budget sets it
     */
    public record Pace(double rpm, double tpm, int concurrency, boolean announced) {
        /** "285 rpm, 142500 tpm, 8 in flight (paced to the provider's limits)". */
        public String describe() {
            String rate = rpm > 0 ? String.format(Locale.ROOT, "%.0f rpm", rpm) : "no rpm limit";
            String tokens = tpm > 0 ? String.format(Locale.ROOT, ", %.0f tpm", tpm) : "";
            return rate + tokens + ", " + concurrency + " in flight ("
                    + (announced ? "paced to the provider's limits" : "configured pace") + ")";
        }
    }

    /** A reserved start; {@link #close()} frees its concurrency slot. */
    public final class Permit implements AutoCloseable {
        private final Slot slot;
        private boolean closed;

        private Permit(Slot slot) {
            this.slot = slot;
        }

        /** Replaces the token estimate with what the provider reported (ignored when unknown). */
        public void recordTokens(long actual) {
            if (actual >= 0) {
                recordUsage(new Usage(Math.max(0, actual - slot.cost.outputTokens()), Math.min(actual,
                        slot.cost.outputTokens())));
            }
        }

        /** Replaces the estimate with the reported usage, in the sliding window and in the announced budgets. */
        public void recordUsage(Usage usage) {
            if (usage.known()) {
                synchronized (RateLimiter.this) {
                    slot.tokens = usage.total();
                    Cost actual = new Cost(usage.total(), usage.outputTokens());
                    pacers.forEach((budget, pacer) -> pacer.charge(actual.of(budget) - slot.cost.of(budget),
                            factor));
                }
            }
        }

        /** The call succeeded; {@code announced} is what its response said about the budget. */
        public void succeeded(RateLimits announced) {
            synchronized (RateLimiter.this) {
                learn(announced, slot);
                if (adaptive) {
                    factor = Math.min(1, factor + INCREASE);
                    if (queued > 0 && !lastStartWaited && concurrency < concurrencyCap) {
                        concurrency++;
                        RateLimiter.this.notifyAll();
                    }
                }
            }
        }

        /** The provider answered 429: nobody starts for {@code pause}, and an adaptive pace backs off. */
        public void rateLimited(RateLimits announced, Duration pause) {
            synchronized (RateLimiter.this) {
                learn(announced, slot);
                RateLimiter.this.pause(pause);
                if (adaptive) {
                    factor = Math.max(MIN_FACTOR, factor * DECREASE);
                    concurrency = Math.max(1, concurrency / 2);
                }
            }
        }

        /** Another failure that still announced the budget. */
        public void failed(RateLimits announced) {
            synchronized (RateLimiter.this) {
                learn(announced, slot);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }

    private static final class Slot {
        final long at;
        final Cost cost;
        /** Each budget's running total right after this start: later starts are what the server had not seen. */
        final Map<Budget, Double> consumedAfter = new EnumMap<>(Budget.class);
        long tokens;

        Slot(long at, Cost cost) {
            this.at = at;
            this.cost = cost;
            this.tokens = cost.tokens();
        }
    }

    /** One announced budget paced as a token bucket, kept as its theoretical arrival time (GCRA). */
    private static final class Pacer {
        long limit;
        double tat;
        double consumed;

        Pacer(double tat) {
            this.tat = tat;
        }

        double nanosPerUnit(double factor) {
            return MINUTE_NANOS / (limit * SAFETY * factor);
        }

        /** The earliest start for {@code units}: when the bucket holds them, or is full for a larger call. */
        double earliest(double units, double factor) {
            double need = units * nanosPerUnit(factor);
            return tat - BURST_NANOS + Math.min(need, BURST_NANOS);
        }

        void charge(double units, double factor) {
            tat += units * nanosPerUnit(factor);
            consumed += units;
        }
    }

    private final int rpm;
    private final int tpm;
    private final boolean rpmCapped;
    private final boolean tpmCapped;
    private final int concurrencyCap;
    private final long windowNanos;
    private final TimeSource time;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<Budget, Pacer> pacers = new EnumMap<>(Budget.class);
    private int windowRpm;
    private int windowTpm;
    private int concurrency;
    private int inFlight;
    private int queued;
    private boolean adaptive;
    private boolean lastStartWaited;
    private double factor = 1;
    private long pausedUntil = Long.MIN_VALUE;

    /**
     * Fixed limits, every one a cap: announced budgets can only make the pace slower.
     *
     * @param rpm         starts per window, 0 = unlimited
     * @param tpm         tokens per window, 0 = unlimited
     * @param concurrency calls in flight, at least 1
     * @param window      the window length (one minute in production; shorter in tests)
     */
    public RateLimiter(int rpm, int tpm, int concurrency, Duration window, TimeSource time) {
        this(rpm, tpm, concurrency, true, true, true, window, time);
    }

    private RateLimiter(int rpm, int tpm, int concurrency, boolean rpmCapped, boolean tpmCapped,
                        boolean concurrencyCapped, Duration window, TimeSource time) {
        this.rpm = rpm;
        this.tpm = tpm;
        this.rpmCapped = rpmCapped;
        this.tpmCapped = tpmCapped;
        this.concurrency = Math.max(1, concurrency);
        this.concurrencyCap = concurrencyCapped ? this.concurrency : Math.max(this.concurrency,
                MAX_ADAPTIVE_CONCURRENCY);
        this.windowRpm = rpm;
        this.windowTpm = tpm;
        this.windowNanos = window.toNanos();
        this.time = time;
    }

    /** The limiter of a run: what the user set caps the announced budget; the rest are defaults it replaces. */
    public static RateLimiter of(LlmSettings settings, Duration window, TimeSource time) {
        return new RateLimiter(settings.rpm(), settings.tpm(), settings.concurrency(),
                settings.capped(LlmSettings.Cap.RPM), settings.capped(LlmSettings.Cap.TPM),
                settings.capped(LlmSettings.Cap.CONCURRENCY), window, time);
    }

    /** The most calls this limiter may ever let run at once: how many threads are worth having. */
    public int maxConcurrency() {
        return concurrencyCap;
    }

    public synchronized Pace pace() {
        double r = merge(windowRpm, pacers.get(Budget.REQUESTS));
        double t = merge(windowTpm, pacers.get(Budget.TOKENS));
        return new Pace(r, t, concurrency, adaptive);
    }

    private double merge(int window, Pacer pacer) {
        if (pacer == null) {
            return window;
        }
        double paced = pacer.limit * SAFETY * factor;
        return window > 0 ? Math.min(window, paced) : paced;
    }

    /** Blocks until a call estimated at {@code tokens} may start under every limit. */
    public Permit acquire(long tokens) throws InterruptedException {
        return acquire(new Cost(tokens, 0));
    }

    /** Blocks until a call costing {@code cost} may start under every limit. */
    public Permit acquire(Cost cost) throws InterruptedException {
        synchronized (this) {
            queued++;
            try {
                while (inFlight >= concurrency) {
                    wait();
                }
            } finally {
                queued--;
            }
            inFlight++;
        }
        try {
            while (true) {
                Slot slot = reserve(cost);
                long wait = slot.at - time.nanoTime();
                if (wait > 0) {
                    time.sleep(Duration.ofNanos(wait));
                }
                synchronized (this) {
                    if (pausedUntil <= time.nanoTime()) {
                        return new Permit(slot);
                    }
                    // A 429 arrived while we slept: give the slot back and queue behind the pause.
                    slots.remove(slot);
                    pacers.forEach((budget, pacer) -> pacer.charge(-cost.of(budget), factor));
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            release();
            throw e;
        }
    }

    /** Callers waiting for a slot (a test waits with it until a caller is blocked). */
    synchronized int queued() {
        return queued;
    }

    /** After a 429: nobody starts a call for {@code delay}. */
    public synchronized void pause(Duration delay) {
        long until = time.nanoTime() + delay.toNanos();
        pausedUntil = Math.max(pausedUntil, until);
    }

    private synchronized void release() {
        inFlight--;
        notifyAll();
    }

    private synchronized Slot reserve(Cost cost) {
        long now = time.nanoTime();
        slots.removeIf(s -> s.at <= now - windowNanos);
        long t = Math.max(now, pausedUntil);
        if (!slots.isEmpty()) {
            t = Math.max(t, slots.get(slots.size() - 1).at);
        }
        if (windowRpm > 0 && slots.size() >= windowRpm) {
            t = Math.max(t, slots.get(slots.size() - windowRpm).at + windowNanos);
        }
        if (windowRpm > 0) {
            // Evenly over the window: at most a burst of the concurrency, then one start per window / rpm. The
            // window alone let a minute's calls go in the first seconds and then nothing (with an ETA of 0 s).
            int burst = Math.min(concurrency, windowRpm);
            if (slots.size() >= burst) {
                t = Math.max(t, slots.get(slots.size() - burst).at + burst * windowNanos / windowRpm);
            }
        }
        if (windowTpm > 0) {
            long sum = slots.stream().mapToLong(s -> s.tokens).sum();
            // Drop the oldest until this call fits; one call larger than the whole budget waits for an empty window.
            for (int i = 0; i < slots.size() && sum + cost.tokens() > windowTpm; i++) {
                sum -= slots.get(i).tokens;
                t = Math.max(t, slots.get(i).at + windowNanos);
            }
        }
        for (Map.Entry<Budget, Pacer> e : pacers.entrySet()) {
            t = Math.max(t, (long) Math.ceil(e.getValue().earliest(cost.of(e.getKey()), factor)));
        }
        Slot slot = new Slot(t, cost);
        for (Map.Entry<Budget, Pacer> e : pacers.entrySet()) {
            Pacer pacer = e.getValue();
            pacer.tat = Math.max(pacer.tat, t);
            pacer.charge(cost.of(e.getKey()), factor);
            slot.consumedAfter.put(e.getKey(), pacer.consumed);
        }
        lastStartWaited = t > now;
        slots.add(slot);
        return slot;
    }

    /** Takes in an announced budget: the first one switches to the adaptive regime; each one updates the pace. */
    private void learn(RateLimits announced, Slot slot) {
        if (!announced.announced()) {
            return;
        }
        if (!adaptive) {
            adaptive = true;
            windowRpm = rpmCapped ? rpm : 0;
            windowTpm = tpmCapped ? tpm : 0;
        }
        long now = time.nanoTime();
        announced.budgets().forEach((budget, window) -> {
            Pacer pacer = pacers.computeIfAbsent(budget, b -> new Pacer(now - BURST_NANOS));
            pacer.limit = window.limit();
            if (window.remaining() >= 0) {
                // What the server has left now: what it said when this call arrived, refilled since, minus the
                // calls started after this one, which it had not seen. Only ever slows the pace down.
                double refilled = (now - slot.at) * window.limit() / MINUTE_NANOS;
                double later = pacer.consumed - slot.consumedAfter.getOrDefault(budget, pacer.consumed);
                double left = window.remaining() + refilled - later;
                pacer.tat = Math.max(pacer.tat, now + BURST_NANOS - left * pacer.nanosPerUnit(factor));
            }
        });
    }
}
