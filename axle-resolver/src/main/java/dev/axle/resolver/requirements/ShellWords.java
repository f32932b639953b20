package dev.axle.resolver.requirements;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits option text into words as a POSIX shell does (and pip, with Python's
 * {@code shlex.split}): whitespace separates, quotes group, a backslash escapes the next
 * character (inside double quotes only {@code \} and {@code "}).
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    if (i + 1 == text.length()) {
                        throw new IllegalArgumentException("nothing after the escaping backslash");
                    }
                    word.append(text.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("no closing quotation mark (" + quote + ")");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
