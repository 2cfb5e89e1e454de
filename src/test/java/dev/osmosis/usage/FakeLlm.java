package dev.osmosis.usage;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider stand-in: answers with fixed usage, counts and keeps the requests it got, can fail on demand. */
final class FakeLlm implements LlmClient {
    final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile Usage usage = new Usage(100, 20);
    volatile int attempts = 1;
    volatile LlmException failWith;
    volatile String model = "gpt-4o";
    volatile long sleepMs;

    @Override
    public LlmResponse complete(LlmRequest request) {
        calls.incrementAndGet();
        requests.add(request);
        if (sleepMs > 0) {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failWith != null) {
            throw failWith;
        }
        return new LlmResponse("answer to " + request.user(), null, usage, "stop", Duration.ofMillis(5), attempts,
                "openai", model, false);
    }
}
