package dev.axle.env;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates PEP 405 virtual environments directly, without running Python's {@code venv}
 * module: {@code pyvenv.cfg}, {@code bin/python} linked to the base interpreter with
 * {@code python3} and {@code python3.X} beside it, the site-packages folder, activation
 * scripts, and marker files that keep the environment out of version control
 * ({@code .gitignore}, as Python 3.13's venv writes) and backups ({@code CACHEDIR.TAG}, as uv
 * writes). No pip is installed (as {@code python -m venv --without-pip}).
 *
 * <p>The environment is built in a temporary sibling folder and renamed into place, so a
 * failure leaves no half-made environment behind; with {@code clear}, the old contents are
 * moved aside first and deleted afterwards.
 */
public final class Venv {
    private static final String CACHEDIR_TAG = """
            Signature: 8a477f597d28d172789f06886806bc55
            # This file is a cache directory tag: backup tools may skip this folder, a virtual
            # environment made by axle that can be made again. See https://bford.info/cachedir/
            """;
    private static final String GITIGNORE = """
            # A virtual environment made by axle: git ignores everything in it.
            *
            """;

    private Venv() {}

    /**
     * Makes a virtual environment for {@code base} in {@code dir} and describes it.
     *
     * @param base the interpreter to run it; when it is itself a virtual environment's, the
     *     interpreter that one was made from is used
     * @throws VenvExistsException if {@code dir} exists and is not empty, without {@code clear}
     * @throws EnvironmentException for a folder name that would break {@code PATH}, on Windows
     * @throws UncheckedIOException when writing fails (nothing is left behind)
     */
    public static Environment create(Interpreters interpreters, PythonInterpreter base, Path dir,
            VenvOptions options) {
        if (File.separatorChar == '\\') {
            throw new EnvironmentException("creating virtual environments on Windows is not supported yet;"
                    + " use `python -m venv` there");
        }
        PythonInterpreter installation = base.isVirtualEnv() ? interpreters.query(base.baseExecutable()) : base;
        Path folder = target(dir);
        boolean replacing = checkFolder(folder, options.clear());
        String prompt = options.prompt()
                .map(p -> p.equals(".") ? Path.of("").toAbsolutePath().getFileName().toString() : p)
                .orElse(folder.getFileName().toString());
        if (prompt.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new EnvironmentException("the prompt of a virtual environment cannot contain control characters"
                    + " (such as a line break)");
        }
        try {
            Files.createDirectories(folder.getParent());
            Path temp = Files.createTempDirectory(folder.getParent(), "." + folder.getFileName() + ".axle-");
            try {
                write(temp, folder, installation, prompt, options);
                moveIntoPlace(temp, folder, replacing);
            } catch (IOException | RuntimeException e) {
                FileTrees.delete(temp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the virtual environment " + folder + ": " + e, e);
        }
        return Environment.system(describe(installation, folder, options.systemSitePackages()));
    }

    private static Path target(Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(folder) && Files.isDirectory(folder)) {
            try {
                folder = folder.toRealPath();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String text = folder.toString();
        if (text.contains(File.pathSeparator)) {
            throw new EnvironmentException("cannot make a virtual environment at " + folder + ": its path contains '"
                    + File.pathSeparator + "', which would break PATH when it is activated");
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new EnvironmentException("cannot make a virtual environment at " + text.replaceAll("\\p{Cntrl}", "?")
                    + ": its path contains control characters");
        }
        if (folder.getParent() == null) {
            throw new EnvironmentException("cannot make a virtual environment at the root folder " + folder);
        }
        return folder;
    }

    /** Whether an existing folder is to be replaced; refuses a file or, without clear, a non-empty folder. */
    private static boolean checkFolder(Path folder, boolean clear) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(folder)) {
            throw new EnvironmentException("cannot make a virtual environment at " + folder
                    + ": a file with that name exists");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            if (!entries.iterator().hasNext()) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e, e);
        }
        if (!clear) {
            throw new VenvExistsException(folder, Files.exists(folder.resolve("pyvenv.cfg")));
        }
        return true;
    }

    private static void write(Path temp, Path folder, PythonInterpreter base, String prompt, VenvOptions options)
            throws IOException {
        Files.writeString(temp.resolve("pyvenv.cfg"), pyvenvCfg(base, folder, options));
        Path bin = Files.createDirectory(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("python"), base.baseExecutable());
        int major = base.version().major().intValueExact();
        for (String name : List.of("python" + major, "python" + base.pythonVersion())) {
            Files.createSymbolicLink(bin.resolve(name), Path.of("python"));
        }
        ActivationScripts.write(bin, folder, prompt);
        SchemeLayout layout = base.venvLayout();
        Files.createDirectories(temp.resolve(layout.purelib()));
        // CPython's venv adds lib64 -> lib for 64-bit POSIX builds other than macOS, where
        // platlibdir may be lib64.
        if (base.is64bit() && !base.markerEnvironment().value("sys_platform").orElse("").equals("darwin")
                && !Files.exists(temp.resolve("lib64"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(temp.resolve("lib64"), Path.of("lib"));
        }
        Files.createDirectories(temp.resolve(layout.platlib()));
        Files.writeString(temp.resolve(".gitignore"), GITIGNORE);
        Files.writeString(temp.resolve("CACHEDIR.TAG"), CACHEDIR_TAG);
    }

    /** PEP 405's configuration, with the keys Python's own venv writes. */
    static String pyvenvCfg(PythonInterpreter base, Path folder, VenvOptions options) {
        Path executable = base.baseExecutable();
        StringBuilder command = new StringBuilder(executable.toString()).append(" -m venv --without-pip");
        if (options.systemSitePackages()) {
            command.append(" --system-site-packages");
        }
        options.prompt().ifPresent(p -> command.append(" --prompt ").append(ActivationScripts.posixQuote(p)));
        command.append(' ').append(folder);
        StringBuilder cfg = new StringBuilder();
        cfg.append("home = ").append(executable.getParent()).append('\n');
        cfg.append("include-system-site-packages = ").append(options.systemSitePackages()).append('\n');
        cfg.append("version = ").append(release(base)).append('\n');
        cfg.append("executable = ").append(realPath(executable)).append('\n');
        cfg.append("command = ").append(command).append('\n');
        // Unquoted, as uv writes it (Python's venv writes repr()); readers strip the value either way.
        options.prompt().ifPresent(p -> cfg.append("prompt = ").append(p).append('\n'));
        return cfg.toString();
    }

    private static String release(PythonInterpreter base) {
        var v = base.version();
        return v.major() + "." + v.minor() + "." + v.micro();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static void moveIntoPlace(Path temp, Path folder, boolean replacing) throws IOException {
        if (!replacing) {
            // rename(2) also replaces an empty folder.
            move(temp, folder);
            return;
        }
        Path old = folder.resolveSibling("." + folder.getFileName() + ".axle-old-" + ProcessHandle.current().pid()
                + "-" + System.nanoTime());
        try {
            move(folder, old);
        } catch (IOException e) {
            // A mount point or a folder we may not rename: empty it and fill it in place.
            FileTrees.empty(folder);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(temp)) {
                for (Path entry : entries) {
                    move(entry, folder.resolve(entry.getFileName()));
                }
            }
            FileTrees.delete(temp);
            return;
        }
        try {
            move(temp, folder);
        } catch (IOException e) {
            move(old, folder); // put the old environment back
            throw e;
        }
        try {
            FileTrees.delete(old);
        } catch (IOException e) {
            // The new environment is in place; a leftover of the old one does not undo that.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * The interpreter of a new environment, from what its base reported: what a query of its
     * {@code bin/python} would answer, without running it.
     */
    static PythonInterpreter describe(PythonInterpreter base, Path folder, boolean systemSitePackages) {
        Scheme scheme = base.venvLayout().rootedAt(folder);
        List<Path> site = new ArrayList<>(List.of(scheme.purelib()));
        if (!scheme.platlib().equals(scheme.purelib())) {
            site.add(scheme.platlib());
        }
        if (systemSitePackages) {
            site.addAll(base.siteDirectories());
        }
        boolean venvScheme = base.version().compareTo(dev.axle.pep.Version.release(3, 11)) >= 0;
        return new PythonInterpreter(
                folder.resolve("bin/python"),
                base.version(),
                base.implementationName(),
                base.markerEnvironment(),
                base.compatibility(),
                folder,
                base.basePrefix(),
                base.baseExecutable(),
                venvScheme ? "venv" : "posix_prefix",
                scheme,
                base.userScheme(),
                base.userBase(),
                systemSitePackages && base.userSiteEnabled(),
                site,
                base.stdlib(),
                base.cacheTag(),
                Optional.empty(),
                base.is64bit(),
                base.venvLayout(),
                base.venvLayout());
    }
}
