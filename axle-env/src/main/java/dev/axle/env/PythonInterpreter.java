package dev.axle.env;

import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.Version;
import dev.axle.pep.tags.Interpreter;
import dev.axle.pep.tags.SupportedTags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one query of a Python interpreter tells about it (see {@link Interpreters#query}).
 *
 * @param executable the interpreter's path as it was found, absolute but not resolved through
 *     symlinks: a virtual environment's {@code bin/python} stays the environment's
 * @param version the full version, such as 3.12.1 or 3.13.0rc1 ({@code sys.version_info})
 * @param implementationName {@code sys.implementation.name}: {@code cpython}, {@code pypy}, ...
 * @param markerEnvironment every PEP 508 marker variable as this interpreter computes it
 * @param compatibility the interpreter as compatibility tags see it: short name, language
 *     version, ABIs (with debug and free-threaded flags) and platform (system, architecture,
 *     32/64-bit, glibc or musl version)
 * @param prefix {@code sys.prefix}: the virtual environment's folder in a venv
 * @param basePrefix {@code sys.base_prefix}: the installation a venv was made from
 * @param baseExecutable the installation's own interpreter ({@code sys._base_executable}): for
 *     a venv, the one it was made from
 * @param schemeName the sysconfig scheme installers use by default ({@code venv},
 *     {@code posix_prefix}, Debian's {@code posix_local}, ...)
 * @param scheme where installers put files by default; headers go where pip puts them
 *     ({@code <prefix>/include/site/python3.X} in a venv, sysconfig's {@code include} otherwise)
 * @param userScheme the per-user scheme ({@code pip install --user}: {@code posix_user} on Linux)
 * @param userBase the root of the user scheme ({@code ~/.local}, or {@code PYTHONUSERBASE})
 * @param userSiteEnabled whether an ordinary run of this interpreter imports from the user
 *     site-packages (not in a venv without system site-packages, not with
 *     {@code PYTHONNOUSERSITE}, not set-uid)
 * @param siteDirectories the site-packages folders on {@code sys.path}, in import order, the
 *     user site left out: in a venv with system site-packages, the base's ones too
 * @param stdlib the standard library folder ({@code sysconfig.get_path("stdlib")})
 * @param cacheTag {@code sys.implementation.cache_tag}, as in {@code __pycache__/x.cpython-312.pyc}
 * @param externallyManaged PEP 668: present when {@code <stdlib>/EXTERNALLY-MANAGED} exists and
 *     this is not a venv; the value is the file's error message for the user (or a default)
 * @param is64bit whether pointers are 64 bits wide
 * @param prefixLayout the default scheme relative to a prefix, as {@code pip --prefix} uses it
 * @param venvLayout the scheme of a virtual environment made from this interpreter, relative
 *     to the environment's folder
 */
public record PythonInterpreter(
        Path executable,
        Version version,
        String implementationName,
        MarkerEnvironment markerEnvironment,
        Interpreter compatibility,
        Path prefix,
        Path basePrefix,
        Path baseExecutable,
        String schemeName,
        Scheme scheme,
        Scheme userScheme,
        Path userBase,
        boolean userSiteEnabled,
        List<Path> siteDirectories,
        Path stdlib,
        String cacheTag,
        Optional<String> externallyManaged,
        boolean is64bit,
        SchemeLayout prefixLayout,
        SchemeLayout venvLayout) {

    public PythonInterpreter {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(markerEnvironment, "markerEnvironment");
        Objects.requireNonNull(compatibility, "compatibility");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(basePrefix, "basePrefix");
        Objects.requireNonNull(baseExecutable, "baseExecutable");
        Objects.requireNonNull(schemeName, "schemeName");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(userScheme, "userScheme");
        Objects.requireNonNull(userBase, "userBase");
        siteDirectories = List.copyOf(siteDirectories);
        Objects.requireNonNull(stdlib, "stdlib");
        Objects.requireNonNull(cacheTag, "cacheTag");
        Objects.requireNonNull(externallyManaged, "externallyManaged");
        Objects.requireNonNull(prefixLayout, "prefixLayout");
        Objects.requireNonNull(venvLayout, "venvLayout");
    }

    /** Whether this interpreter runs a virtual environment ({@code sys.prefix != sys.base_prefix}). */
    public boolean isVirtualEnv() {
        return !prefix.equals(basePrefix);
    }

    /** The default scheme's purelib then platlib folder, once each. */
    public List<Path> sitePackages() {
        return distinct(List.of(scheme.purelib(), scheme.platlib()));
    }

    /**
     * The tags this interpreter supports, most preferred first (computed on each call: keep
     * the result).
     */
    public SupportedTags supportedTags() {
        return compatibility.supportedTags();
    }

    /** The implementation and version for messages, such as {@code CPython 3.12.1}. */
    public String label() {
        return markerEnvironment.value("platform_python_implementation").orElse(implementationName) + " " + version;
    }

    /** {@code major.minor}, such as {@code 3.12}. */
    public String pythonVersion() {
        return version.major() + "." + version.minor();
    }

    /** The scheme {@code pip install --prefix dir} installs into with this interpreter. */
    public Scheme prefixScheme(Path dir) {
        return prefixLayout.rootedAt(dir);
    }

    static List<Path> distinct(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }
}
