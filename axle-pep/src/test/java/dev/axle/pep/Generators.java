package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random versions and specifiers for property tests, biased toward the edges PEP 440 cares about. */
final class Generators {
    private Generators() {}

    private static final String[] PRE = {"a", "b", "rc", "alpha", "beta", "c", "pre", "preview"};
    private static final String[] POST = {".post", "post", "-", ".rev", "r", "_post"};
    private static final String[] SEP = {"", ".", "-", "_"};
    private static final String[] OPS = {"~=", "==", "!=", "<=", ">=", "<", ">"};

    static int small(Random r) {
        // Mostly tiny numbers so that versions collide and compare equal often.
        return r.nextInt(10) < 7 ? r.nextInt(3) : r.nextInt(25);
    }

    /** A version in normalized form. */
    static String normalizedVersion(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(10) == 0) {
            b.append(small(r)).append('!');
        }
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            b.append(i > 0 ? "." : "").append(small(r));
        }
        if (r.nextInt(4) == 0) {
            b.append(new String[] {"a", "b", "rc"}[r.nextInt(3)]).append(small(r));
        }
        if (r.nextInt(4) == 0) {
            b.append(".post").append(small(r));
        }
        if (r.nextInt(4) == 0) {
            b.append(".dev").append(small(r));
        }
        if (r.nextInt(6) == 0) {
            b.append('+').append(local(r));
        }
        return b.toString();
    }

    private static String local(Random r) {
        List<String> parts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            parts.add(r.nextBoolean() ? String.valueOf(small(r)) : new String[] {"abc", "ubuntu", "x", "deadbeef"}[r.nextInt(4)]);
        }
        return String.join(".", parts);
    }

    /** The same kind of version, spelled in one of the many ways packaging accepts. */
    static String lenientVersion(Random r) {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(5) == 0) {
            b.append(r.nextBoolean() ? "v" : "V");
        }
        if (r.nextInt(10) == 0) {
            b.append(small(r)).append('!');
        }
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            b.append(i > 0 ? "." : "").append(r.nextInt(8) == 0 ? "0" : "").append(small(r));
        }
        if (r.nextInt(4) == 0) {
            b.append(SEP[r.nextInt(SEP.length)]).append(caseOf(r, PRE[r.nextInt(PRE.length)]));
            if (r.nextBoolean()) {
                b.append(SEP[r.nextInt(SEP.length)]).append(small(r));
            }
        }
        if (r.nextInt(4) == 0) {
            String post = POST[r.nextInt(POST.length)];
            b.append(caseOf(r, post)).append(post.equals("-") ? String.valueOf(small(r)) : r.nextBoolean() ? String.valueOf(small(r)) : "");
        }
        if (r.nextInt(4) == 0) {
            b.append(SEP[r.nextInt(SEP.length)]).append(caseOf(r, "dev"));
            if (r.nextBoolean()) {
                b.append(small(r));
            }
        }
        if (r.nextInt(6) == 0) {
            b.append('+').append(caseOf(r, local(r)).replace('.', "._-".charAt(r.nextInt(3))));
        }
        return (r.nextInt(8) == 0 ? " " : "") + b + (r.nextInt(8) == 0 ? "\t" : "");
    }

    private static String caseOf(Random r, String s) {
        return r.nextInt(3) == 0 ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    static Version version(Random r) {
        return Version.parse(normalizedVersion(r));
    }

    /** A valid specifier. */
    static String specifier(Random r) {
        String op = OPS[r.nextInt(OPS.length)];
        Version v = version(r);
        String text = v.publicVersion().toString();
        switch (op) {
            case "==", "!=" -> {
                if (r.nextInt(3) == 0) {
                    return op + v.baseVersion() + ".*";
                }
                return op + v;
            }
            case "~=" -> {
                return op + (v.releaseSize() < 2 ? v.baseVersion() + ".0" : text);
            }
            default -> {
                return op + text;
            }
        }
    }

    static String specifierSet(Random r) {
        int n = r.nextInt(4);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(specifier(r));
        }
        return String.join(",", parts);
    }
}
