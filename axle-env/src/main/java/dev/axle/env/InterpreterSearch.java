package dev.axle.env;

import dev.axle.pep.Version;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One search for an interpreter, in the order {@link Interpreters} describes. */
final class InterpreterSearch {
    private static final Pattern MINOR_NAME = Pattern.compile("python(\\d+)\\.(\\d+)");

    /** Where a search looked and what it found. */
    record Result(Optional<PythonInterpreter> found, List<String> searched, List<String> seen) {}

    /** A folder to look in, and why. */
    private record Folder(Path path, String origin, Optional<Version> pyenvVersion) {}

    private final Interpreters interpreters;
    private final PythonRequest request;
    private final Map<String, String> env;
    private final List<String> seen = new ArrayList<>();
    private final Set<String> identities = new HashSet<>();

    InterpreterSearch(Interpreters interpreters, PythonRequest request) {
        this.interpreters = interpreters;
        this.request = request;
        this.env = interpreters.environment();
    }

    Result run() {
        if (request instanceof PythonRequest.ExecutablePath p) {
            return byPath(p.path());
        }
        List<Folder> folders = folders();
        for (Folder folder : folders) {
            Optional<PythonInterpreter> found = searchFolder(folder, false, new ArrayList<>());
            if (found.isPresent()) {
                return new Result(found, describe(folders), seen);
            }
        }
        return new Result(Optional.empty(), describe(folders), seen);
    }

    /** Every usable interpreter, each once, in search order. */
    List<PythonInterpreter> all() {
        List<PythonInterpreter> out = new ArrayList<>();
        for (Folder folder : folders()) {
            searchFolder(folder, true, out);
        }
        return out;
    }

    private Optional<PythonInterpreter> searchFolder(Folder folder, boolean collect, List<PythonInterpreter> out) {
        if (folder.pyenvVersion().isPresent() && !mayMatch(folder.pyenvVersion().get())) {
            return Optional.empty();
        }
        List<String> fixed = fixedNames();
        Optional<PythonInterpreter> found = tryNames(folder.path(), fixed, collect, out);
        if (found.isPresent() || request instanceof PythonRequest.ExecutableName) {
            return found;
        }
        // The folder is listed only when the usual names did not answer.
        List<String> listed = new ArrayList<>(listedNames(folder.path()));
        listed.removeAll(fixed);
        return tryNames(folder.path(), listed, collect, out);
    }

    /** The first match among {@code names} in {@code folder}, or with {@code collect} every usable one into {@code out}. */
    private Optional<PythonInterpreter> tryNames(Path folder, List<String> names, boolean collect,
            List<PythonInterpreter> out) {
        for (String name : names) {
            Optional<PythonInterpreter> found = candidate(folder.resolve(name));
            if (found.isPresent()) {
                if (!collect) {
                    return found;
                }
                out.add(found.get());
            }
        }
        return Optional.empty();
    }

    /** The interpreter at {@code path} if it is one, matches, and was not seen before under another name. */
    private Optional<PythonInterpreter> candidate(Path path) {
        if (!Files.isRegularFile(path) || !Files.isExecutable(path) || !nameMayMatch(path.getFileName().toString())) {
            return Optional.empty();
        }
        if (!identities.add(identity(path))) {
            return Optional.empty();
        }
        PythonInterpreter interpreter;
        try {
            interpreter = interpreters.query(path);
        } catch (UnsupportedInterpreterException e) {
            seen.add(path + " (Python " + e.version() + ", unsupported)");
            return Optional.empty();
        } catch (InterpreterQueryException e) {
            seen.add(path + " (fails: " + e.getMessage().lines().findFirst().orElse("") + ")");
            return Optional.empty();
        }
        if (request.matches(interpreter)) {
            return Optional.of(interpreter);
        }
        seen.add(path + " (" + interpreter.label() + ")");
        return Optional.empty();
    }

    /**
     * The same file reached through two names in one folder ({@code python3} and
     * {@code python3.12}) is one interpreter; in different folders it may not be (a venv's
     * {@code bin/python} links to its base interpreter's file).
     */
    private static String identity(Path path) {
        try {
            return path.toRealPath() + File.pathSeparator + path.getParent().toRealPath();
        } catch (IOException e) {
            return path.toString();
        }
    }

    private List<String> fixedNames() {
        return switch (request) {
            case PythonRequest.ExecutableName n -> List.of(n.name());
            case PythonRequest.VersionPrefix v when v.minor().isPresent() ->
                    List.of("python" + v.release().get(0) + "." + v.minor().getAsInt(), "python" + v.release().get(0),
                            "python");
            case PythonRequest.VersionPrefix v -> List.of("python" + v.release().get(0), "python");
            default -> List.of("python3", "python");
        };
    }

    /** {@code pythonX.Y} files in {@code folder}, newest first. */
    private List<String> listedNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> MINOR_NAME.matcher(n).matches())
                    .sorted(Comparator.comparingInt((String n) -> number(n, 1))
                            .thenComparingInt(n -> number(n, 2)).reversed())
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static int number(String name, int group) {
        Matcher m = MINOR_NAME.matcher(name);
        if (!m.matches() || m.group(group).length() > 9) {
            return 0;
        }
        return Integer.parseInt(m.group(group));
    }

    /** Whether a {@code pythonX.Y} name can hold the requested version (other names always can). */
    private boolean nameMayMatch(String name) {
        Matcher m = MINOR_NAME.matcher(name);
        if (!m.matches() || !(request instanceof PythonRequest.VersionPrefix v)) {
            return true;
        }
        return v.release().get(0).toString().equals(m.group(1))
                && (v.minor().isEmpty() || Integer.toString(v.minor().getAsInt()).equals(m.group(2)));
    }

    /** Whether an installation of {@code version} (known from pyenv's folder name) can match. */
    private boolean mayMatch(Version version) {
        return switch (request) {
            case PythonRequest.VersionPrefix v -> v.matches(version);
            case PythonRequest.VersionSpecifiers s -> s.specifiers().contains(version, true);
            default -> true;
        };
    }

    private Result byPath(Path given) {
        Path path = expandHome(given).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            List<Path> tries = List.of(path.resolve("bin/python3"), path.resolve("bin/python"),
                    path.resolve("python3"), path.resolve("python"), path.resolve("Scripts/python.exe"),
                    path.resolve("python.exe"));
            for (Path p : tries) {
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return new Result(Optional.of(interpreters.query(p)), List.of(p.toString()), List.of());
                }
            }
            return new Result(Optional.empty(),
                    List.of(path + " (a folder without bin/python3, bin/python, python3 or python)"), List.of());
        }
        if (!Files.exists(path)) {
            return new Result(Optional.empty(), List.of(path + " (does not exist)"), List.of());
        }
        return new Result(Optional.of(interpreters.query(path)), List.of(path.toString()), List.of());
    }

    private Path expandHome(Path path) {
        String text = path.toString();
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (text.equals("~")) {
            return Path.of(home);
        }
        if (text.startsWith("~/")) {
            return Path.of(home, text.substring(2));
        }
        return path;
    }

    /** The folders to search, in order, each once. */
    private List<Folder> folders() {
        List<Folder> out = new ArrayList<>();
        Set<Path> added = new HashSet<>();
        for (String entry : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path dir = Path.of(entry).toAbsolutePath().normalize();
            if (!isShims(dir) && added.add(dir)) {
                out.add(new Folder(dir, "PATH", Optional.empty()));
            }
        }
        for (Path version : pyenvVersions()) {
            Path bin = version.resolve("bin");
            if (added.add(bin)) {
                out.add(new Folder(bin, "pyenv", Version.tryParse(version.getFileName().toString())));
            }
        }
        for (String system : List.of("/usr/local/bin", "/usr/bin")) {
            Path dir = Path.of(system);
            if (added.add(dir)) {
                out.add(new Folder(dir, "system", Optional.empty()));
            }
        }
        return out;
    }

    /** Version managers' shims (pyenv, asdf) run whichever version is selected when they run. */
    private static boolean isShims(Path dir) {
        return dir.getFileName() != null && dir.getFileName().toString().equals("shims");
    }

    /** pyenv's installed versions, newest first; names that are not versions come after them. */
    private List<Path> pyenvVersions() {
        Path root = pyenvRoot();
        try (Stream<Path> dirs = Files.list(root.resolve("versions"))) {
            Comparator<Path> newestFirst = Comparator.comparing(
                    (Path p) -> Version.tryParse(p.getFileName().toString()),
                    (a, b) -> a.isPresent() && b.isPresent() ? b.get().compareTo(a.get())
                            : Boolean.compare(b.isPresent(), a.isPresent()));
            return dirs.filter(Files::isDirectory)
                    .sorted(newestFirst.thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private Path pyenvRoot() {
        String root = env.get("PYENV_ROOT");
        if (root != null && !root.isEmpty()) {
            return Path.of(root);
        }
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".pyenv");
    }

    private List<String> describe(List<Folder> folders) {
        List<String> out = new ArrayList<>();
        List<String> path = folders.stream().filter(f -> f.origin().equals("PATH")).map(f -> f.path().toString())
                .toList();
        out.add("PATH: " + (path.isEmpty() ? "(empty)" : String.join(File.pathSeparator, path))
                + " (shims folders skipped)");
        List<String> pyenv = folders.stream().filter(f -> f.origin().equals("pyenv"))
                .map(f -> f.path().getParent().getFileName().toString()).toList();
        out.add("pyenv: " + pyenvRoot().resolve("versions") + (pyenv.isEmpty() ? " (none)" : " (" + String.join(", ", pyenv) + ")"));
        folders.stream().filter(f -> f.origin().equals("system")).forEach(f -> out.add(f.path().toString()));
        return out;
    }
}
