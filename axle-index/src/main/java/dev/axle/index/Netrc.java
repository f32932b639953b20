package dev.axle.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A netrc file: {@code machine HOST login USER password PASS} entries and a {@code default}
 * entry, as curl and Python's {@code netrc} read them. Tokens are separated by any whitespace and
 * may be double-quoted (with backslash escapes); {@code #} starts a comment at the start of a
 * token; {@code macdef} bodies (up to an empty line) and {@code account} values are skipped.
 */
record Netrc(Map<String, Credentials> machines, Optional<Credentials> fallback) {

    static final Netrc EMPTY = new Netrc(Map.of(), Optional.empty());

    /** The file's entries; {@link #EMPTY} if there is no such file. */
    static Netrc read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
    }

    static Netrc parse(String text) {
        List<String> tokens = tokens(text);
        Map<String, Credentials> machines = new LinkedHashMap<>();
        Credentials fallback = null;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i++);
            boolean isDefault = t.equals("default");
            if (!isDefault && !t.equals("machine")) {
                continue; // stray or skipped tokens (macdef bodies are removed by the tokenizer)
            }
            String machine = isDefault ? null : i < tokens.size() ? tokens.get(i++).toLowerCase(Locale.ROOT) : null;
            String login = "";
            String password = null;
            while (i < tokens.size() && !tokens.get(i).equals("machine") && !tokens.get(i).equals("default")) {
                String key = tokens.get(i++);
                String value = i < tokens.size() ? tokens.get(i++) : "";
                switch (key) {
                    case "login" -> login = value;
                    case "password" -> password = value;
                    default -> { } // account, and anything unknown
                }
            }
            if (password == null && login.isEmpty()) {
                continue;
            }
            var c = new Credentials(login, password == null ? "" : password);
            if (isDefault) {
                fallback = fallback == null ? c : fallback;
            } else if (machine != null) {
                machines.putIfAbsent(machine, c); // the first entry for a machine wins, as in curl
            }
        }
        return new Netrc(Map.copyOf(machines), Optional.ofNullable(fallback));
    }

    /** The entry for {@code host}, else the default entry. */
    Optional<Credentials> lookup(String host) {
        return Optional.ofNullable(machines.get(host.toLowerCase(Locale.ROOT))).or(() -> fallback);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                StringBuilder token = new StringBuilder();
                if (c == '"') {
                    for (i++; i < n && text.charAt(i) != '"'; i++) {
                        if (text.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        token.append(text.charAt(i));
                    }
                    i++;
                } else {
                    for (; i < n && !Character.isWhitespace(text.charAt(i)); i++) {
                        if (text.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        token.append(text.charAt(i));
                    }
                }
                tokens.add(token.toString());
                if (token.toString().equals("macdef")) {
                    // A macro's name, then its body up to an empty line: not credentials.
                    int blank = text.indexOf("\n\n", i);
                    i = blank < 0 ? n : blank + 2;
                    tokens.remove(tokens.size() - 1);
                }
            }
        }
        return tokens;
    }

    /** Never shows passwords. */
    @Override
    public String toString() {
        return "Netrc[machines=" + machines.keySet() + ", default=" + fallback.isPresent() + "]";
    }
}
