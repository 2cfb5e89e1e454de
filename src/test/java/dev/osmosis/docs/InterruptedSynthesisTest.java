package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.InterruptTrap;
import dev.osmosis.cli.Osmosis;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.ProjectDocs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C or SIGTERM during --synthesize: no call starts after the signal, the call in flight finishes and its answer
 * is kept, every node still gets its injected columns and inherited text, all of it is written, and the exit code
 * is 130. (Before, the JVM just ended: nothing was written.) The signal is stood in for by a trap whose handler the
 * fake LLM server runs while the first call is in flight, as a user pressing Ctrl-C then would.
 */
class InterruptedSynthesisTest {
    @TempDir Path tmp;

    @Test
    void theFirstSignalStopsTheCallsAndWhatIsCompleteIsWrittenWithExit130() throws Exception {
        Path root = tmp.resolve("p");
        Files.writeString(tmp.resolve("case.json"), """
                {"nodes": {
                  "source.p.raw.orders": {"file": "models/sources.yml"},
                  "model.p.stg": {"file": "models/stg.sql", "parents": ["source.p.raw.orders"]},
                  "model.p.fct": {"file": "models/fct.sql", "parents": ["model.p.stg"]}},
                 "catalog": {"model.p.fct": ["id int", "status text", "total int", "from_the_warehouse int"]}}
                """);
        SynthesisFlowTest.writeProject(root);
        GoldenProject.write(tmp.resolve("case.json"), root, "name: p\n"); // the same DAG, with a catalog
        AtomicReference<Runnable> signal = new AtomicReference<>();
        InterruptTrap trap = onFirst -> {
            signal.set(onFirst);
            return () -> signal.set(null);
        };
        try (FakeOpenAi llm = new FakeOpenAi()) {
            llm.onRequest(request -> signal.get().run()); // Ctrl-C while stg's call is in flight
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = new Osmosis(llm.env(tmp.resolve("home")), tmp, false, trap).run(new PrintWriter(out),
                    new PrintWriter(err), "yaml", "document", "--synthesize", "--project-dir", root.toString());

            assertEquals(130, code, err.toString());
            assertEquals(1, llm.requests().size(), "no call after the signal: " + err);
            assertTrue(err.toString().contains("interrupted: finishing the LLM calls in flight"), err.toString());
            assertTrue(err.toString().contains("error: interrupted: no LLM call was started after the signal; what "
                    + "was complete (injected columns, inherited text, 2 synthesized description(s)) is written"),
                    err.toString());
            assertNull(signal.get(), "the trap is disarmed when the step ends");

            NodeDocs stg = ProjectDocs.read(ProjectDocs.load(root)).docs().get("model.p.stg");
            NodeDocs fct = ProjectDocs.read(ProjectDocs.load(root)).docs().get("model.p.fct");
            assertEquals("A synthesized model description (#1).", stg.description(), "the answer in flight is kept");
            assertEquals("Synthesized description of status (#1).", stg.column("status").orElseThrow().description());
            assertEquals("Order id from the shop.", fct.column("id").orElseThrow().description(), "inherited");
            assertEquals("Synthesized description of status (#1).", fct.column("status").orElseThrow().description(),
                    "inherited from what stg's call brought");
            assertTrue(fct.column("from_the_warehouse").isPresent(), "the catalog column is injected");
            assertEquals("", fct.column("total").orElseThrow().description(), "never asked for");
            assertEquals("", fct.description());
        }
    }
}
