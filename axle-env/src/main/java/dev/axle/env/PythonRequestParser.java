package dev.axle.env;

import dev.axle.pep.PepSyntaxException;
import dev.axle.pep.SpecifierSet;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code --python} values into {@link PythonRequest}s. */
final class PythonRequestParser {
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){0,2}");

    private PythonRequestParser() {}

    static PythonRequest parse(String text) {
        if (text == null) {
            throw new InvalidPythonRequestException("", "no value");
        }
        String value = text.strip();
        if (value.isEmpty()) {
            throw new InvalidPythonRequestException(text, "empty");
        }
        if (VERSION.matcher(value).matches()) {
            List<BigInteger> release = new ArrayList<>();
            for (String part : value.split("\\.")) {
                release.add(new BigInteger(part));
            }
            return new PythonRequest.VersionPrefix(release);
        }
        boolean home = value.equals("~") || value.startsWith("~/");
        if (!home && "<>=!~".indexOf(value.charAt(0)) >= 0) {
            try {
                return new PythonRequest.VersionSpecifiers(SpecifierSet.parse(value));
            } catch (IllegalArgumentException e) {
                String reason = e instanceof PepSyntaxException p ? p.reason() : e.getMessage();
                throw new InvalidPythonRequestException(text, "not valid version specifiers (" + reason + ")");
            }
        }
        if (home || value.indexOf('/') >= 0 || value.indexOf(java.io.File.separatorChar) >= 0
                || value.startsWith(".")) {
            try {
                return new PythonRequest.ExecutablePath(Path.of(value));
            } catch (java.nio.file.InvalidPathException e) {
                throw new InvalidPythonRequestException(text, "not a valid path: " + e.getReason());
            }
        }
        try {
            return new PythonRequest.ExecutableName(value);
        } catch (InvalidPythonRequestException e) {
            throw new InvalidPythonRequestException(text,
                    "not a path, an executable name, a version or version specifiers");
        }
    }
}
