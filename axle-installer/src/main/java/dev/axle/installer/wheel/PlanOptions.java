package dev.axle.installer.wheel;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What an install plan needs besides the wheel and the scheme.
 *
 * @param pythonExecutable the interpreter that scripts and launchers run with (the
 *     environment's {@code bin/python}), as it should appear in their shebang
 * @param requested whether the user asked for this distribution (it then gets a
 *     {@code REQUESTED} file, PEP 376), rather than it being installed as a dependency
 * @param directUrlJson the {@code direct_url.json} content (PEP 610), when installed from a
 *     file or URL the user named
 * @param installer the INSTALLER file's content without the line end: {@code axle}
 * @param pythonVersion the interpreter's {@code X.Y} version, when known: pip's and
 *     setuptools' wheels list launchers named after the Python that built them
 *     ({@code pip3.11}); with the version, they are named after the target interpreter
 *     instead, as pip names them
 */
public record PlanOptions(Path pythonExecutable, boolean requested, Optional<byte[]> directUrlJson, String installer,
        Optional<String> pythonVersion) {
    public PlanOptions {
        Objects.requireNonNull(pythonExecutable, "pythonExecutable");
        Objects.requireNonNull(directUrlJson, "directUrlJson");
        Objects.requireNonNull(installer, "installer");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
    }

    /** Options without the interpreter's version (launchers named as the wheel lists them). */
    public PlanOptions(Path pythonExecutable, boolean requested, Optional<byte[]> directUrlJson, String installer) {
        this(pythonExecutable, requested, directUrlJson, installer, Optional.empty());
    }
}
