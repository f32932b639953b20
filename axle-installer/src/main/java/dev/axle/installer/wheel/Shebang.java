package dev.axle.installer.wheel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The first line(s) of a script that runs with a given Python.
 *
 * <p>A kernel reads at most 127 bytes of a {@code #!} line (on Linux, before 5.1) and splits
 * the interpreter from its argument at the first space, so an interpreter path that is long
 * or has a space, tab or line break cannot follow {@code #!}. Such scripts start instead with
 * a few lines that are both a {@code /bin/sh} command and a Python string literal:
 * <pre>
 * #!/bin/sh
 * '''exec' '/path with space/bin/python' "$0" "$@"
 * ' '''
 * </pre>
 * sh runs {@code exec} on the interpreter with the script and its arguments; Python sees a
 * string expression and goes on. The interpreter is quoted as Python's {@code shlex.quote}
 * quotes (pypa/installer does the same), which, unlike double quotes, leaves no {@code $} or
 * backquote for sh to expand.
 */
public final class Shebang {
    private static final int KERNEL_LIMIT = 127;

    private Shebang() {}

    /** The shebang for {@code python}, without the final line end. */
    public static byte[] of(Path python) {
        String path = python.toString();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (isSimple(path, bytes.length)) {
            return ("#!" + path).getBytes(StandardCharsets.UTF_8);
        }
        return ("#!/bin/sh\n'''exec' " + shellQuote(path) + " \"$0\" \"$@\"\n' '''").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code #!<path>} and its line end fit a kernel's shebang line. */
    static boolean isSimple(String path, int byteLength) {
        if (byteLength + 3 > KERNEL_LIMIT) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code shlex.quote}: unchanged if only safe characters, else in single quotes. */
    static String shellQuote(String s) {
        if (s.isEmpty()) {
            return "''";
        }
        boolean safe = true;
        for (int i = 0; i < s.length() && safe; i++) {
            char c = s.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_@%+=:,./-".indexOf(c) >= 0;
        }
        return safe ? s : "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
