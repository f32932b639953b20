package dev.axle.installer.wheel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The wheel's {@code .dist-info/WHEEL} file: format version, generator, whether the root
 * holds pure-Python code, and the tags it was built for.
 *
 * @param wheelVersion the {@code Wheel-Version}, such as {@code 1.0}
 * @param generator the tool that built the wheel, if it said
 * @param rootIsPurelib whether the wheel's root goes to purelib ({@code true}) or platlib
 * @param tags the {@code Tag} lines, in the order written
 */
public record WheelInfo(String wheelVersion, Optional<String> generator, boolean rootIsPurelib, List<String> tags) {
    public WheelInfo {
        Objects.requireNonNull(wheelVersion, "wheelVersion");
        Objects.requireNonNull(generator, "generator");
        tags = List.copyOf(tags);
    }

    /**
     * Reads WHEEL: email-style {@code Name: value} headers (continuation lines start with
     * whitespace; the headers end at the first empty line), names case-insensitive, the first
     * of a repeated single-use header counts. {@code Root-Is-Purelib} is true only when it
     * says {@code true} (in any case), as pip reads it.
     *
     * @throws IllegalArgumentException with the problem when there is no {@code Wheel-Version}
     *     or its major version is not 1
     */
    public static WheelInfo parse(byte[] content) {
        String version = null;
        String generator = null;
        String purelib = null;
        List<String> tags = new ArrayList<>();
        for (String[] header : headers(new String(content, StandardCharsets.UTF_8))) {
            String value = header[1];
            switch (header[0].toLowerCase(Locale.ROOT)) {
                case "wheel-version" -> version = version == null ? value : version;
                case "generator" -> generator = generator == null ? value : generator;
                case "root-is-purelib" -> purelib = purelib == null ? value : purelib;
                case "tag" -> tags.add(value);
                default -> { }
            }
        }
        if (version == null) {
            throw new IllegalArgumentException("WHEEL has no Wheel-Version");
        }
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        if (!major.equals("1")) {
            throw new IllegalArgumentException("Wheel-Version " + version + " is not supported: axle installs "
                    + "wheels of format version 1.x; a newer installer is needed for this wheel");
        }
        return new WheelInfo(version, Optional.ofNullable(generator), "true".equalsIgnoreCase(purelib), tags);
    }

    private static List<String[]> headers(String text) {
        List<String[]> out = new ArrayList<>();
        String[] current = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current[1] = (current[1] + " " + line.strip()).strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            current = new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()};
            out.add(current);
        }
        return out;
    }
}
