package dev.axle.env;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A place distributions are installed into and read from: a virtual environment, the user
 * scheme, a {@code --target} or {@code --prefix} folder, or an interpreter's own
 * installation.
 *
 * @param kind which of these it is
 * @param root the folder that holds it (the venv, the user base, the target folder, the
 *     prefix, or {@code sys.prefix}): where an install transaction keeps its journal
 * @param interpreter the interpreter that runs the environment's code
 * @param scheme where each kind of installed file goes
 * @param sitePackages the folders whose {@code *.dist-info} make up the environment, in
 *     import order, each once: for a venv or an installation, the scheme's folders then the
 *     other site-packages folders on {@code sys.path} (Debian's {@code dist-packages}, a venv's
 *     base with {@code --system-site-packages}); for the user scheme, its folder then the
 *     interpreter's ones, as imports see them; for a target or a prefix, only its own folders
 */
public record Environment(Kind kind, Path root, PythonInterpreter interpreter, Scheme scheme,
        List<Path> sitePackages) {

    /** The kinds of environment, by how their scheme is chosen. */
    public enum Kind {
        /** A PEP 405 virtual environment. */
        VENV,
        /** The per-user scheme ({@code pip install --user}). */
        USER,
        /** A plain folder of packages ({@code pip install --target}). */
        TARGET,
        /** The interpreter's scheme re-rooted at another folder ({@code pip install --prefix}). */
        PREFIX,
        /** The interpreter's own installation. */
        SYSTEM
    }

    public Environment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(scheme, "scheme");
        sitePackages = List.copyOf(sitePackages);
    }

    /**
     * The virtual environment in {@code dir}, queried through its {@code bin/python}.
     *
     * @throws NotAVirtualEnvironmentException if {@code dir} has no {@code pyvenv.cfg} or no
     *     working interpreter
     */
    public static Environment venv(Interpreters interpreters, Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new NotAVirtualEnvironmentException(folder, "no virtual environment at " + folder
                    + ": the folder does not exist. Create one with: axle venv " + folder);
        }
        if (!Files.isRegularFile(folder.resolve("pyvenv.cfg"))) {
            throw new NotAVirtualEnvironmentException(folder, folder + " is not a virtual environment: it has no"
                    + " pyvenv.cfg. Create one with `axle venv " + folder + "`, or pass an interpreter with --python.");
        }
        Path executable = null;
        for (String name : List.of("bin/python", "bin/python3", "Scripts/python.exe")) {
            if (Files.exists(folder.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                executable = folder.resolve(name);
                break;
            }
        }
        if (executable == null) {
            throw new NotAVirtualEnvironmentException(folder, "the virtual environment at " + folder
                    + " has no bin/python; recreate it with: axle venv --clear " + folder);
        }
        if (!Files.exists(executable)) {
            throw new NotAVirtualEnvironmentException(folder, "the virtual environment at " + folder
                    + " is broken: " + executable + " links to " + linkTarget(executable)
                    + ", which does not exist (was its Python removed?); recreate it with: axle venv --clear "
                    + folder);
        }
        PythonInterpreter interpreter = interpreters.query(executable);
        return ofInterpreter(Kind.VENV, folder, interpreter);
    }

    /** The user scheme of {@code interpreter} ({@code pip install --user}). */
    public static Environment user(PythonInterpreter interpreter) {
        List<Path> site = new ArrayList<>(List.of(interpreter.userScheme().purelib(),
                interpreter.userScheme().platlib()));
        site.addAll(installationSite(interpreter));
        return new Environment(Kind.USER, interpreter.userBase(), interpreter, interpreter.userScheme(),
                PythonInterpreter.distinct(site));
    }

    /**
     * A plain folder ({@code pip install --target dir}): modules in {@code dir}, scripts in
     * {@code dir/bin}, headers in {@code dir/include/python}, data files under {@code dir}.
     */
    public static Environment target(PythonInterpreter interpreter, Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        Scheme scheme = new Scheme(folder, folder, folder.resolve("bin"), folder.resolve("include/python"), folder);
        return new Environment(Kind.TARGET, folder, interpreter, scheme, List.of(folder));
    }

    /** The interpreter's scheme re-rooted at {@code dir} ({@code pip install --prefix dir}). */
    public static Environment prefix(PythonInterpreter interpreter, Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        Scheme scheme = interpreter.prefixScheme(folder);
        return new Environment(Kind.PREFIX, folder, interpreter, scheme,
                PythonInterpreter.distinct(List.of(scheme.purelib(), scheme.platlib())));
    }

    /**
     * The interpreter's own installation, rooted at its {@code sys.prefix}; of kind
     * {@link Kind#VENV} when the interpreter runs a virtual environment.
     */
    public static Environment system(PythonInterpreter interpreter) {
        return ofInterpreter(interpreter.isVirtualEnv() ? Kind.VENV : Kind.SYSTEM, interpreter.prefix(), interpreter);
    }

    private static Environment ofInterpreter(Kind kind, Path root, PythonInterpreter interpreter) {
        return new Environment(kind, root, interpreter, interpreter.scheme(), installationSite(interpreter));
    }

    private static List<Path> installationSite(PythonInterpreter interpreter) {
        List<Path> site = new ArrayList<>(interpreter.sitePackages());
        site.addAll(interpreter.siteDirectories());
        return PythonInterpreter.distinct(site);
    }

    /**
     * The environment a command works in when none is named: the active virtual environment
     * ({@code VIRTUAL_ENV}), else the {@code .venv} folder in {@code cwd} or the nearest
     * parent that has one.
     *
     * @throws NoEnvironmentException when there is neither
     * @throws NotAVirtualEnvironmentException when the one found is broken
     */
    public static Environment discover(Interpreters interpreters, Map<String, String> environment, Path cwd) {
        Path here = cwd.toAbsolutePath().normalize();
        String active = environment.get("VIRTUAL_ENV");
        if (active != null && !active.isEmpty()) {
            return venv(interpreters, here.resolve(active));
        }
        for (Path d = here; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".venv"))) {
                return venv(interpreters, d.resolve(".venv"));
            }
        }
        throw new NoEnvironmentException(here);
    }

    /**
     * Refuses installs the interpreter's distributor or the environment forbids: into an
     * externally managed installation (PEP 668), through the installation itself or the user
     * scheme, unless {@code breakSystemPackages}; and into the user scheme from a virtual
     * environment that does not see it. Targets and prefixes are always allowed, as pip
     * allows them.
     *
     * @throws ExternallyManagedException quoting the distributor's message
     * @throws EnvironmentException for a user install the venv would not see
     */
    public void checkInstallAllowed(boolean breakSystemPackages) {
        if (kind == Kind.USER && interpreter.isVirtualEnv() && !interpreter.userSiteEnabled()) {
            throw new EnvironmentException("cannot install with --user: the virtual environment " + interpreter.prefix()
                    + " does not see the user site-packages (it was made without --system-site-packages);"
                    + " leave out --user to install into the virtual environment.");
        }
        if ((kind == Kind.SYSTEM || kind == Kind.USER) && !breakSystemPackages
                && interpreter.externallyManaged().isPresent()) {
            throw new ExternallyManagedException(interpreter.executable(), interpreter.stdlib(),
                    interpreter.externallyManaged().get());
        }
    }

    /**
     * A warning when commands installed into this environment's scripts folder cannot be run
     * by name because the folder is not on {@code PATH}, naming the folder and the line that
     * adds it. No warning for a virtual environment (its scripts are run through activation or
     * by path) or a target folder (not an installation anyone runs from), nor when the folder
     * is the interpreter's own (as pip decides).
     *
     * @param pathVariable the value of {@code PATH}
     * @param home the user's home folder, written as {@code $HOME} in the suggested line
     */
    public Optional<String> scriptsFolderWarning(String pathVariable, Path home) {
        if (kind == Kind.VENV || kind == Kind.TARGET) {
            return Optional.empty();
        }
        Path scripts = scheme.scripts().toAbsolutePath().normalize();
        Path own = interpreter.executable().getParent();
        if (scripts.equals(own) || onPath(scripts, pathVariable == null ? "" : pathVariable, home)) {
            return Optional.empty();
        }
        String shown = scripts.toString();
        Path h = home == null ? null : home.toAbsolutePath().normalize();
        if (h != null && scripts.startsWith(h) && !scripts.equals(h)) {
            shown = "$HOME/" + h.relativize(scripts).toString().replace(File.separatorChar, '/');
        }
        String quoted = shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`");
        if (!shown.startsWith("$HOME/")) {
            quoted = quoted.replace("$", "\\$");
        } else {
            quoted = "$HOME" + quoted.substring(5).replace("$", "\\$");
        }
        return Optional.of("The scripts folder " + scripts + " is not on PATH, so the commands installed there"
                + " cannot be run by name.\n"
                + "To add it, put this line in ~/.bashrc or ~/.profile (bash) or ~/.zshrc (zsh), then open a new shell:\n"
                + "    export PATH=\"" + quoted + ":$PATH\"\n"
                + "(fish: fish_add_path '" + scripts.toString().replace("\\", "\\\\").replace("'", "\\'") + "')");
    }

    /** As {@link #scriptsFolderWarning(String, Path)} with the JVM's {@code user.home}. */
    public Optional<String> scriptsFolderWarning(String pathVariable) {
        return scriptsFolderWarning(pathVariable, Path.of(System.getProperty("user.home")));
    }

    private static boolean onPath(Path scripts, String pathVariable, Path home) {
        Path real = realOrSelf(scripts);
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            String e = entry;
            if (home != null && (e.equals("~") || e.startsWith("~/"))) {
                e = home + e.substring(1);
            }
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (p.equals(scripts) || realOrSelf(p).equals(real)) {
                return true;
            }
        }
        return false;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a file";
        }
    }
}
