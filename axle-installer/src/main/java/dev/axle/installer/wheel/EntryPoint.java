package dev.axle.installer.wheel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry point from {@code entry_points.txt}: {@code name = module:attr [extra, ...]} in a
 * group such as {@code console_scripts}.
 *
 * @param group the section it was listed in
 * @param name the name before {@code =}
 * @param module the dotted module path
 * @param attr the dotted attribute path inside the module, if given
 * @param extras the extras in brackets, if any
 */
public record EntryPoint(String group, String name, String module, Optional<String> attr, List<String> extras) {
    public EntryPoint {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(attr, "attr");
        extras = List.copyOf(extras);
    }

    /**
     * Reads the value of an entry point as importlib.metadata matches it:
     * {@code module(:attr)? ([extras])?}, with whitespace around the parts. Module and attribute
     * must be dotted Python identifiers (stricter than importlib's {@code [\w.]+}, because the
     * value ends up in generated launcher code).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static EntryPoint parse(String group, String name, String value) {
        String rest = value.strip();
        List<String> extras = List.of();
        int bracket = rest.indexOf('[');
        if (bracket >= 0) {
            if (!rest.endsWith("]")) {
                throw new IllegalArgumentException("entry point " + name + " = " + value + ": text after the extras");
            }
            extras = new ArrayList<>();
            for (String extra : rest.substring(bracket + 1, rest.length() - 1).split(",")) {
                if (!extra.isBlank()) {
                    extras.add(extra.strip());
                }
            }
            rest = rest.substring(0, bracket).strip();
        }
        int colon = rest.indexOf(':');
        String module = (colon < 0 ? rest : rest.substring(0, colon)).strip();
        Optional<String> attr = colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1).strip());
        if (!isDottedName(module) || (attr.isPresent() && !isDottedName(attr.get()))) {
            throw new IllegalArgumentException("entry point " + name + " = " + value
                    + ": expected module:attribute with dotted Python names");
        }
        return new EntryPoint(group, name, module, attr, extras);
    }

    static boolean isDottedName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty() || !isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String s) {
        int first = s.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** {@code module:attr [extras]}, as entry_points.txt writes it. */
    public String value() {
        return module + attr.map(a -> ":" + a).orElse("") + (extras.isEmpty() ? "" : " [" + String.join(", ", extras) + "]");
    }
}
