package kz.senim.local.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the pinned fauxqs npm package ({@code local/engines/src/main/node}) and checks it is installed. */
final class FauxqsPackage {

    /** System property naming the folder holding package.json, package-lock.json and node_modules/fauxqs. */
    static final String DIR_PROPERTY = "senim.fauxqs.dir";
    /** Where that folder sits in the repository. */
    static final String RELATIVE_DIR = "local/engines/src/main/node";
    /** Our launcher next to package.json (see its header for why it is not fauxqs's bin). */
    static final String LAUNCHER = "senim-fauxqs.mjs";

    private static final Pattern PINNED = Pattern.compile("\"fauxqs\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
    private static final String INSTALL_HINT =
            "run `npm ci --no-audit --no-fund --ignore-scripts` in %s, or `./mvnw -pl local/engines generate-resources"
                    + " -Dsenim.npm.skip=false` from the repository root";

    private FauxqsPackage() {}

    /** The folder from {@code -Dsenim.fauxqs.dir}, else found above the working directory; checked installed. */
    static Path locate() {
        Path dir = locate(System.getProperty(DIR_PROPERTY), Path.of(System.getProperty("user.dir")));
        checkInstalled(dir);
        return dir;
    }

    /**
     * {@code configured} if given, else the first {@code <ancestor>/local/engines/src/main/node} of
     * {@code workingDir} (itself included) that has a package.json: works from the repository root and from any
     * module directory, which is where Maven runs each module's tests.
     */
    static Path locate(String configured, Path workingDir) {
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("package.json")) || !Files.isRegularFile(dir.resolve(LAUNCHER))) {
                throw new IllegalStateException(
                        "-D" + DIR_PROPERTY + "=" + configured + " has no package.json and " + LAUNCHER
                                + ": it must point at " + RELATIVE_DIR + " of the Senim repository");
            }
            return dir;
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_DIR);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + RELATIVE_DIR + " in " + workingDir
                + " or any folder above it; set -D" + DIR_PROPERTY + "=<repository>/" + RELATIVE_DIR);
    }

    /** Fails unless node_modules/fauxqs is installed in the version package.json pins. */
    static void checkInstalled(Path dir) {
        Path installed = dir.resolve("node_modules").resolve("fauxqs").resolve("package.json");
        if (!Files.isRegularFile(installed)) {
            throw new IllegalStateException(
                    "the fauxqs npm package is not installed: " + INSTALL_HINT.formatted(dir));
        }
        String pinned = first(PINNED, read(dir.resolve("package.json")), dir.resolve("package.json"));
        String actual = first(VERSION, read(installed), installed);
        if (!pinned.equals(actual)) {
            throw new IllegalStateException("node_modules holds fauxqs " + actual + " but package.json pins "
                    + pinned + ": " + INSTALL_HINT.formatted(dir));
        }
    }

    /** The fauxqs version package.json in {@code dir} pins. */
    static String pinnedVersion(Path dir) {
        return first(PINNED, read(dir.resolve("package.json")), dir.resolve("package.json"));
    }

    private static String first(Pattern pattern, String json, Path file) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern.pattern() + " in " + file);
        }
        return matcher.group(1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
