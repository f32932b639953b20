package dev.axle.env;

import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which Python interpreter the user asked for, as {@code --python} takes it:
 *
 * <ul>
 *   <li>a path ({@code /usr/bin/python3}, {@code ./venv}, {@code ~/py/bin/python}): to an
 *       executable, or to a folder, a virtual environment or an installation prefix, whose
 *       {@code bin/python3} or {@code bin/python} is meant. A path has a {@code /} in it or
 *       starts with {@code .} or {@code ~}: a folder named {@code venv} is {@code ./venv};
 *   <li>an executable name, such as {@code python3.12} or {@code pypy3}, looked up where
 *       interpreters are searched for;
 *   <li>a version: {@code 3}, {@code 3.11} or {@code 3.11.4}, matching interpreters whose
 *       release starts with those numbers;
 *   <li>version specifiers: {@code >=3.10} or {@code >=3.9,<3.12} (PEP 440; pre-releases
 *       match too, as they are what is installed).
 * </ul>
 */
public sealed interface PythonRequest {
    /** Any supported interpreter. */
    PythonRequest ANY = new Any();

    /**
     * Reads a request.
     *
     * @throws InvalidPythonRequestException if {@code text} is none of the forms above
     */
    static PythonRequest parse(String text) {
        return PythonRequestParser.parse(text);
    }

    /** Whether an interpreter that was found satisfies this request's version constraint. */
    boolean matches(PythonInterpreter interpreter);

    /** Any supported interpreter. */
    record Any() implements PythonRequest {
        @Override
        public boolean matches(PythonInterpreter interpreter) {
            return true;
        }

        @Override
        public String toString() {
            return "any Python";
        }
    }

    /**
     * A path to an executable or a folder, relative paths against the current folder;
     * {@code ~} is not expanded here (see {@link Interpreters}).
     */
    record ExecutablePath(Path path) implements PythonRequest {
        public ExecutablePath {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public boolean matches(PythonInterpreter interpreter) {
            return true;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** An executable name such as {@code python3.12}, {@code pypy3} or {@code python}. */
    record ExecutableName(String name) implements PythonRequest {
        /** A file name without folders. */
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.+-]*");

        public ExecutableName {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidPythonRequestException(name, "not an executable name");
            }
        }

        @Override
        public boolean matches(PythonInterpreter interpreter) {
            return true;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A release prefix: {@code 3.11} matches 3.11.0, 3.11.7 and 3.11.0rc1. */
    record VersionPrefix(List<BigInteger> release) implements PythonRequest {
        public VersionPrefix {
            release = List.copyOf(release);
            if (release.isEmpty() || release.size() > 3) {
                throw new IllegalArgumentException("a Python version request has 1 to 3 numbers: " + release);
            }
        }

        @Override
        public boolean matches(PythonInterpreter interpreter) {
            return matches(interpreter.version());
        }

        /** Whether {@code version}'s release starts with this prefix. */
        public boolean matches(Version version) {
            if (version.releaseSize() < release.size() && !trailingZeros(version)) {
                return false;
            }
            for (int i = 0; i < release.size(); i++) {
                BigInteger have = i < version.releaseSize() ? version.releaseComponent(i) : BigInteger.ZERO;
                if (!have.equals(release.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private boolean trailingZeros(Version version) {
            for (int i = version.releaseSize(); i < release.size(); i++) {
                if (release.get(i).signum() != 0) {
                    return false;
                }
            }
            return true;
        }

        /** The minor version asked for, if the request has one: 11 for {@code 3.11}. */
        public java.util.OptionalInt minor() {
            return release.size() >= 2 && release.get(1).bitLength() < 31
                    ? java.util.OptionalInt.of(release.get(1).intValue())
                    : java.util.OptionalInt.empty();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (BigInteger n : release) {
                b.append(b.isEmpty() ? "" : ".").append(n);
            }
            return b.toString();
        }
    }

    /** PEP 440 specifiers on the interpreter's version. */
    record VersionSpecifiers(SpecifierSet specifiers) implements PythonRequest {
        public VersionSpecifiers {
            Objects.requireNonNull(specifiers, "specifiers");
        }

        @Override
        public boolean matches(PythonInterpreter interpreter) {
            return specifiers.contains(interpreter.version(), true);
        }

        @Override
        public String toString() {
            return specifiers.toString();
        }
    }
}
