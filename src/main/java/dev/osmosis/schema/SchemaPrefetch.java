package dev.osmosis.schema;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.DbtProject;
import dev.osmosis.project.ValuePool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Parses the schema files of a project's own folders on a background thread while the caller reads the manifest.
 * Reading a manifest is one thread's work (the catalog's reader finishes long before it), so on two cores the other
 * one was idle for most of it; the YAML parse that followed is about as long. Which files belong to the project is
 * only final once the manifest is read (patch paths elsewhere, installed packages): {@link SchemaFiles#of(
 * dev.osmosis.project.Project, SchemaPrefetch)} takes what was parsed here for the paths it wants and parses the
 * rest itself. A file read here is read a moment earlier than it would have been, and never written by it.
 */
public final class SchemaPrefetch {
    private final ValuePool pool = new ValuePool();
    private final List<Path> folders;
    private final CountDownLatch walked = new CountDownLatch(1);
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile List<Path> paths = List.of();
    private volatile AtomicReferenceArray<Object> parsed = new AtomicReferenceArray<>(0);
    private volatile CountDownLatch done = new CountDownLatch(0);

    private SchemaPrefetch(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /** Starts parsing the files under the model, seed and snapshot folders of the project at {@code root}. */
    public static SchemaPrefetch start(Path root, DbtProject config) {
        SchemaPrefetch prefetch = new SchemaPrefetch(SchemaFiles.folders(root, config));
        Thread thread = new Thread(prefetch::run, "osmosis-yaml-prefetch");
        thread.setDaemon(true); // a run that fails while reading the manifest does not wait for it
        thread.start();
        return prefetch;
    }

    private void run() {
        try {
            List<Path> found = new ArrayList<>(SchemaFiles.yamlFiles(folders));
            parsed = new AtomicReferenceArray<>(found.size());
            done = new CountDownLatch(found.size());
            paths = found;
        } catch (RuntimeException e) {
            // nothing prefetched: the full load walks the folders again and reports what is wrong
        } finally {
            walked.countDown();
        }
        drain();
    }

    /** Parses unclaimed files until none is left; any thread may help. */
    private void drain() {
        List<Path> todo = paths;
        for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
            try {
                if (!cancelled) {
                    parsed.set(i, SchemaFiles.parse(todo.get(i), pool));
                }
            } catch (RuntimeException e) {
                // left out: the full load parses the file again and reports what is wrong with it
            } finally {
                done.countDown();
            }
        }
    }

    /** Stops parsing (the files not parsed yet are skipped): the load it was started for has failed. */
    public void cancel() {
        cancelled = true;
    }

    ValuePool pool() {
        return pool;
    }

    /**
     * Helps parse what is left, waits for the files other threads are parsing, and returns every file parsed
     * (a {@link SchemaFile} or a {@link SchemaFiles.Problem}) by normalized path.
     */
    Map<Path, Object> finish() {
        await(walked);
        // what is left is parsed on every core (the calling thread and the common pool's workers), as a load
        // without prefetch would
        IntStream.range(0, Runtime.getRuntime().availableProcessors()).parallel().forEach(i -> drain());
        await(done);
        Map<Path, Object> out = new HashMap<>();
        List<Path> todo = paths;
        for (int i = 0; i < todo.size(); i++) {
            Object v = parsed.get(i);
            if (v != null) {
                out.put(todo.get(i), v);
            }
        }
        return out;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OsmosisException.failure("Interrupted while reading the schema YAML files.");
        }
    }
}
