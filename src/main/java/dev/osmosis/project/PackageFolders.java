package dev.osmosis.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.osmosis.OsmosisException;
import dev.osmosis.text.TerminalText;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Finds the folder of every dbt project a manifest mixes, by reading the dbt_project.yml files where dbt puts
 * them: the project itself; the {@code local:} paths of its packages.yml / dependencies.yml (a wrapper's
 * {@code local: ../}); installed packages under dbt_packages/ (dbt_modules/ before dbt 1.0); and the projects
 * next to it that a package maintainer's layout has (integration_tests/ below the package, the package above its
 * wrapper). A folder counts by the {@code name:} of its dbt_project.yml, never by its folder name.
 */
public final class PackageFolders {
    private static final List<String> PACKAGE_FILES = List.of("packages.yml", "dependencies.yml");
    private static final List<String> INSTALL_FOLDERS = List.of("dbt_packages", "dbt_modules");

    private final DbtProjectReader reader = new DbtProjectReader();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** The layout for {@code manifest}: a home for every package its nodes name, with a folder where one is found. */
    public ProjectLayout layout(Path root, DbtProject own, Manifest manifest) {
        Map<String, PackageHome> found = new LinkedHashMap<>();
        found.put(own.name(), new PackageHome(own.name(), root, own));
        for (Path candidate : candidates(root)) {
            read(candidate).ifPresent(home -> found.putIfAbsent(home.name(), home));
        }
        Map<String, PackageHome> homes = new LinkedHashMap<>();
        homes.put(own.name(), found.get(own.name()));
        for (Node node : manifest.nodes().values()) {
            String name = node.packageName();
            if (name != null && !homes.containsKey(name)) {
                homes.put(name, found.getOrDefault(name, new PackageHome(name, null, null)));
            }
        }
        return new ProjectLayout(own.name(), homes);
    }

    /** Folders that may hold a dbt project of this manifest, most authoritative first. */
    private List<Path> candidates(Path root) {
        List<Path> dirs = new ArrayList<>();
        for (String file : PACKAGE_FILES) {
            for (String local : localPackages(root.resolve(file))) {
                dirs.add(root.resolve(local).normalize());
            }
        }
        for (String install : INSTALL_FOLDERS) {
            dirs.addAll(subfolders(root.resolve(install)));
        }
        dirs.addAll(subfolders(root));
        if (root.getParent() != null) {
            dirs.add(root.getParent());
        }
        return dirs;
    }

    private List<String> localPackages(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> locals = new ArrayList<>();
        try {
            Object doc = yaml.readValue(Files.readString(file), Object.class);
            Object packages = doc instanceof Map<?, ?> m ? m.get("packages") : null;
            if (packages instanceof List<?> list) {
                for (Object p : list) {
                    if (p instanceof Map<?, ?> entry && entry.get("local") instanceof String local) {
                        locals.add(PathNames.normalize(local));
                    }
                }
            }
        } catch (IOException e) {
            Logger.warn("cannot read {}: {}; its local packages are not looked for",
                    TerminalText.escape(file.toString()), TerminalText.escape(e.getMessage()));
        }
        return locals;
    }

    private static List<Path> subfolders(Path dir) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return dirs;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, Files::isDirectory)) {
            stream.forEach(dirs::add);
        } catch (IOException e) {
            Logger.debug("cannot list {}: {}", dir, e.getMessage());
        }
        dirs.sort(null);
        return dirs;
    }

    private Optional<PackageHome> read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(DbtProjectReader.FILE_NAME))) {
            return Optional.empty();
        }
        try {
            DbtProject config = reader.read(dir, null);
            return Optional.of(new PackageHome(config.name(), dir, config));
        } catch (OsmosisException e) {
            Logger.warn("skipping the dbt project in {}: {}", TerminalText.escape(dir.toString()),
                    TerminalText.escape(e.getMessage()));
            return Optional.empty();
        }
    }
}
