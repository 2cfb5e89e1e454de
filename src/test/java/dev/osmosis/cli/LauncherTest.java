package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `osmosis` launcher as users start it: through a symbolic link on PATH from another folder, as the copy
 * installed in bin/ of the distribution (jar in ../lib, Java runtime in ../runtime), and with no jar at all.
 *
 * <p>The tests run before `mvn package` builds target/osmosis.jar, so each builds a small jar of its own: a manifest
 * whose Class-Path names this test run's classes and dependencies and whose main class is the real
 * {@link Main}. What runs is the real launcher and the real `osmosis --version`.
 *
 * <table>
 *   <caption>Hard cases</caption>
 *   <tr><td>link on PATH, absolute target</td><td>followed to the checkout, jar found</td></tr>
 *   <tr><td>link to a link, relative targets</td><td>each hop resolved from the link's own folder</td></tr>
 *   <tr><td>installed copy: bin/, lib/, runtime/</td><td>lib/osmosis.jar run by runtime/bin/java, not PATH's java</td></tr>
 *   <tr><td>no jar in either layout</td><td>exit 2, both folders named</td></tr>
 * </table>
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("osmosis").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aSymlinkOnPathRunsVersionFromAnotherFolder() throws Exception {
        Path checkout = checkoutWithJar(tmp.resolve("checkout"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("osmosis"), checkout.resolve("osmosis"));

        Result result = runOnPath(bin, Files.createDirectories(tmp.resolve("elsewhere")), "osmosis --version");

        assertEquals(0, result.code, result.output);
        assertTrue(result.output.startsWith("osmosis "), result.output);
    }

    @Test
    void aChainOfRelativeLinksIsFollowedFromEachLinksFolder() throws Exception {
        checkoutWithJar(tmp.resolve("tools/osmosis-src"));
        Path local = Files.createDirectories(tmp.resolve("tools/bin"));
        Files.createSymbolicLink(local.resolve("osmosis"), Path.of("../osmosis-src/osmosis"));
        Path bin = Files.createDirectories(tmp.resolve("home/bin"));
        Files.createSymbolicLink(bin.resolve("osmosis"), Path.of("../../tools/bin/osmosis"));

        Result result = runOnPath(bin, Files.createDirectories(tmp.resolve("project")), "osmosis --version");

        assertEquals(0, result.code, result.output);
        assertTrue(result.output.startsWith("osmosis "), result.output);
    }

    @Test
    void anInstalledCopyRunsTheJarInLibWithTheBundledRuntime() throws Exception {
        Path prefix = tmp.resolve("opt/osmosis");
        Path bin = Files.createDirectories(prefix.resolve("bin"));
        Files.copy(LAUNCHER, bin.resolve("osmosis"), StandardCopyOption.COPY_ATTRIBUTES);
        writeJar(Files.createDirectories(prefix.resolve("lib")).resolve("osmosis.jar"));
        // the bundled runtime stands in for jlink's: it leaves a mark, then runs this JVM's java
        Path marker = tmp.resolve("runtime-used");
        Path java = Files.createDirectories(prefix.resolve("runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + marker + "'\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path linkDir = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(linkDir.resolve("osmosis"), bin.resolve("osmosis"));

        Result result = runOnPath(linkDir, Files.createDirectories(tmp.resolve("elsewhere")), "osmosis --version");

        assertEquals(0, result.code, result.output);
        assertTrue(result.output.startsWith("osmosis "), result.output);
        assertTrue(Files.exists(marker), "runtime/bin/java was not used");
    }

    @Test
    void aMissingJarSaysWhereItLooked() throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(LAUNCHER, checkout.resolve("osmosis"), StandardCopyOption.COPY_ATTRIBUTES);
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("osmosis"), checkout.resolve("osmosis"));

        Result result = runOnPath(bin, tmp, "osmosis --version");

        assertEquals(2, result.code, result.output);
        assertTrue(result.output.contains(checkout + "/target/"), result.output);
        assertTrue(result.output.contains(checkout + "/../lib/"), result.output);
        assertTrue(result.output.contains("mvn -B -q package -DskipTests"), result.output);
    }

    private static Path checkoutWithJar(Path checkout) throws IOException {
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(LAUNCHER, checkout.resolve("osmosis"), StandardCopyOption.COPY_ATTRIBUTES);
        writeJar(checkout.resolve("target/osmosis.jar"));
        return checkout;
    }

    /** A jar that runs {@link Main} with this test run's class path, named in its manifest. */
    private static void writeJar(Path jar) throws IOException {
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toUri().toString())
                .collect(Collectors.joining(" "));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
    }

    private record Result(int code, String output) {}

    /** Runs a shell command line with `bin` first on PATH, from `dir`, stdout and stderr together. */
    private static Result runOnPath(Path bin, Path dir, String commandLine) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", commandLine).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.remove("OSMOSIS_JAVA_OPTS");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher did not finish: " + output);
        return new Result(process.exitValue(), output);
    }
}
