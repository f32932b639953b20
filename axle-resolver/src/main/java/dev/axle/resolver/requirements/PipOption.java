package dev.axle.resolver.requirements;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options pip accepts in requirements files, and how a word on a line is read as one:
 * {@code --name value}, {@code --name=value}, {@code -x value} or {@code -xvalue}, as
 * Python's optparse reads them.
 */
record PipOption(String spelling, Kind kind, GlobalOption.Name global, boolean takesValue) {

    enum Kind { REQUIREMENT, CONSTRAINT, EDITABLE, HASH, GLOBAL, UNSUPPORTED }

    /** A use of an option on a line: its value ("" for a flag) and the index of the next word. */
    record Use(PipOption option, String value, int next) {
    }

    private static final Map<String, PipOption> BY_SPELLING = table();

    private static Map<String, PipOption> table() {
        Map<String, PipOption> table = new LinkedHashMap<>();
        special(table, Kind.REQUIREMENT, "--requirement", "-r");
        special(table, Kind.CONSTRAINT, "--constraint", "-c");
        special(table, Kind.EDITABLE, "--editable", "-e");
        special(table, Kind.HASH, "--hash", null);
        // Per-requirement options pip has for building from source; axle installs wheels.
        special(table, Kind.UNSUPPORTED, "--config-settings", "-C");
        special(table, Kind.UNSUPPORTED, "--global-option", null);
        for (GlobalOption.Name name : GlobalOption.Name.values()) {
            PipOption option = new PipOption(name.spelling(), Kind.GLOBAL, name, name.takesValue());
            table.put(name.spelling(), option);
            if (name.shortSpelling() != null) {
                table.put(name.shortSpelling(), option);
            }
        }
        return Map.copyOf(table);
    }

    private static void special(Map<String, PipOption> table, Kind kind, String spelling, String shortSpelling) {
        PipOption option = new PipOption(spelling, kind, null, true);
        table.put(spelling, option);
        if (shortSpelling != null) {
            table.put(shortSpelling, option);
        }
    }

    /**
     * Where the project of an {@code -e}/{@code --editable} line starts, or -1 if the line does
     * not start with one. The rest of the line is read like a requirement line, so a marker and
     * extras keep their quotes and spaces.
     */
    static int editableTarget(String line) {
        String first = line.split("\\s", 2)[0];
        int start;
        if (first.equals("-e") || first.equals("--editable")) {
            start = first.length();
        } else if (first.startsWith("--editable=")) {
            start = "--editable=".length();
        } else if (first.startsWith("-e")) {
            start = 2;
        } else {
            return -1;
        }
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        return start;
    }

    static List<String> words(String text, Origin origin, String line) {
        try {
            return ShellWords.split(text);
        } catch (IllegalArgumentException e) {
            throw new RequirementsFileException(origin, line, "cannot split the options into words: " + e.getMessage());
        }
    }

    static List<String> words(String line, Origin origin) {
        return words(line, origin, line);
    }

    /** Reads the option at {@code words[at]} and its value. */
    static Use use(List<String> words, int at, String line, Origin origin) {
        String word = words.get(at);
        if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
            throw new RequirementsFileException(origin, line, "unexpected '" + word
                    + "' among options: a requirement goes on a line of its own, before any options");
        }
        String key;
        String attached;
        if (word.startsWith("--")) {
            int equals = word.indexOf('=');
            key = equals < 0 ? word : word.substring(0, equals);
            attached = equals < 0 ? null : word.substring(equals + 1);
        } else {
            key = word.substring(0, 2);
            attached = word.length() > 2 ? word.substring(2) : null;
        }
        PipOption option = BY_SPELLING.get(key);
        if (option == null && key.startsWith("--")) {
            option = abbreviated(key, origin, line);
        }
        if (option == null) {
            throw new RequirementsFileException(origin, line, "unknown option " + key
                    + " (requirements files accept -r, -c, -e, --hash, " + globalSpellings() + ")");
        }
        if (!option.takesValue()) {
            if (attached != null) {
                throw new RequirementsFileException(origin, line, option.spelling() + " takes no value");
            }
            return new Use(option, "", at + 1);
        }
        if (attached != null) {
            return new Use(option, attached, at + 1);
        }
        if (at + 1 >= words.size()) {
            throw new RequirementsFileException(origin, line, option.spelling() + " needs a value");
        }
        return new Use(option, words.get(at + 1), at + 2);
    }

    /** Like optparse, a long option may be shortened to any prefix that fits only one option. */
    private static PipOption abbreviated(String key, Origin origin, String line) {
        List<String> matches = BY_SPELLING.keySet().stream()
                .filter(s -> s.startsWith("--") && s.startsWith(key)).sorted().toList();
        if (matches.size() > 1) {
            throw new RequirementsFileException(origin, line, "ambiguous option " + key + ": it could be "
                    + String.join(", ", matches));
        }
        return matches.isEmpty() ? null : BY_SPELLING.get(matches.getFirst());
    }

    /** A global option's value as recorded: a relative {@code --find-links} path is taken from the file's folder. */
    static String globalValue(Use use, Origin origin, String line) {
        String value = use.value();
        switch (use.option().global()) {
            case NO_BINARY, ONLY_BINARY -> {
                if (value.startsWith("-")) {
                    throw new RequirementsFileException(origin, line, use.option().spelling()
                            + " needs a value: project names separated by commas, :all: or :none:");
                }
            }
            case FIND_LINKS -> {
                if (!value.contains("://") && !Location.isUrl(value) && origin.file().folder().isPresent()
                        && !Path.of(value).isAbsolute()) {
                    return origin.file().folder().get().resolve(value).toString();
                }
            }
            default -> { }
        }
        return value;
    }

    static RequirementsFileException unsupported(PipOption option, Origin origin, String line) {
        return new RequirementsFileException(origin, line, option.spelling()
                + " is not supported: it passes settings to a build from source, and axle installs wheels only;"
                + " build the wheel yourself and name it instead");
    }

    private static String globalSpellings() {
        StringBuilder b = new StringBuilder();
        for (GlobalOption.Name name : GlobalOption.Name.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(name.spelling());
        }
        return b.toString();
    }
}
