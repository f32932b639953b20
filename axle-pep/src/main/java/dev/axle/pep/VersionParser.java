package dev.axle.pep;

import java.util.ArrayList;

/**
 * A scanner for packaging's {@code VERSION_PATTERN} (the possessive form packaging 26.3
 * compiles on current Pythons), without regular expressions:
 *
 * <pre>
 * \s* v? ( (N!)? N(.N)* pre? post? dev? ) (+local)? \s*
 * pre   = [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? N?
 * post  = -N | [._-]? (post|rev|r) [._-]? N?
 * dev   = [._-]? dev [._-]? N?
 * local = [a-z0-9]+ ([._-][a-z0-9]+)*
 * </pre>
 *
 * Letters match case-insensitively, ASCII only; whitespace is Python's.
 */
final class VersionParser extends Version.Builder {
    private static final String[] PRE_SPELLINGS = {"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"};
    private static final int[] PRE_KINDS = {
        Version.PRE_ALPHA, Version.PRE_ALPHA, Version.PRE_BETA, Version.PRE_BETA,
        Version.PRE_RC, Version.PRE_RC, Version.PRE_RC, Version.PRE_RC
    };
    private static final String[] POST_SPELLINGS = {"post", "rev", "r"};

    private final String s;
    private int pos;
    private final int end;

    VersionParser(String s) {
        this.s = s;
        int to = Text.trimEnd(s, 0, s.length());
        this.pos = Text.skipSpace(s, 0, to);
        this.end = to;
    }

    Version parse() {
        Version v = parseOrNull();
        if (v == null) {
            throw new InvalidVersionException(s, Math.min(pos, s.length()));
        }
        return v;
    }

    /** Parses the whole input, or returns null (leaving {@code pos} where it went wrong). */
    Version parseOrNull() {
        Version.Builder b = this;
        if (pos < end && (s.charAt(pos) == 'v' || s.charAt(pos) == 'V')) {
            pos++;
        }
        // Epoch or first release number.
        int numStart = pos;
        int numEnd = digitsEnd(pos);
        if (numEnd == numStart) {
            return null;
        }
        if (numEnd < end && s.charAt(numEnd) == '!') {
            b.epoch = b.digits(s, numStart, numEnd);
            pos = numEnd + 1;
            numStart = pos;
            numEnd = digitsEnd(pos);
            if (numEnd == numStart) {
                return null;
            }
        }
        b.release = release(b, numStart, numEnd);
        if (pos == end) {
            return b.build();
        }
        preRelease(b);
        postRelease(b);
        devRelease(b);
        if (pos < end && s.charAt(pos) == '+') {
            int save = pos;
            pos++;
            Object[] local = local();
            if (local == null) {
                pos = save;
            } else {
                b.local = local;
            }
        }
        return pos == end ? b.build() : null;
    }

    private long[] release(Version.Builder b, int firstStart, int firstEnd) {
        long first = b.digits(s, firstStart, firstEnd);
        pos = firstEnd;
        if (pos + 1 >= end || s.charAt(pos) != '.' || !Text.isAsciiDigit(s.charAt(pos + 1))) {
            return new long[] {first};
        }
        long[] out = new long[4];
        int n = 0;
        out[n++] = first;
        while (pos + 1 < end && s.charAt(pos) == '.' && Text.isAsciiDigit(s.charAt(pos + 1))) {
            int from = pos + 1;
            int to = digitsEnd(from);
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = b.digits(s, from, to);
            pos = to;
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private void preRelease(Version.Builder b) {
        int save = pos;
        int p = separator(pos);
        if (p == end || "abpcr".indexOf(Text.lower(s.charAt(p))) < 0) {
            return;
        }
        for (int i = 0; i < PRE_SPELLINGS.length; i++) {
            int after = word(p, PRE_SPELLINGS[i]);
            if (after >= 0) {
                b.preKind = PRE_KINDS[i];
                pos = separator(after);
                int to = digitsEnd(pos);
                b.pre = to > pos ? b.digits(s, pos, to) : 0;
                pos = to;
                return;
            }
        }
        pos = save;
    }

    private void postRelease(Version.Builder b) {
        if (pos + 1 < end && s.charAt(pos) == '-' && Text.isAsciiDigit(s.charAt(pos + 1))) {
            int to = digitsEnd(pos + 1);
            b.post = b.digits(s, pos + 1, to);
            pos = to;
            return;
        }
        int p = separator(pos);
        if (p == end || "pr".indexOf(Text.lower(s.charAt(p))) < 0) {
            return;
        }
        for (String spelling : POST_SPELLINGS) {
            int after = word(p, spelling);
            if (after >= 0) {
                pos = separator(after);
                int to = digitsEnd(pos);
                b.post = to > pos ? b.digits(s, pos, to) : 0;
                pos = to;
                return;
            }
        }
    }

    private void devRelease(Version.Builder b) {
        int p = separator(pos);
        if (p == end || Text.lower(s.charAt(p)) != 'd') {
            return;
        }
        int after = word(p, "dev");
        if (after >= 0) {
            pos = separator(after);
            int to = digitsEnd(pos);
            b.dev = to > pos ? b.digits(s, pos, to) : 0;
            pos = to;
        }
    }

    private Object[] local() {
        ArrayList<Object> parts = new ArrayList<>(4);
        int to = alnumEnd(pos);
        if (to == pos) {
            return null;
        }
        parts.add(localPart(pos, to));
        pos = to;
        while (pos + 1 < end && isSeparator(s.charAt(pos)) && Text.isAsciiAlnum(s.charAt(pos + 1))) {
            to = alnumEnd(pos + 1);
            parts.add(localPart(pos + 1, to));
            pos = to;
        }
        return parts.toArray();
    }

    private Object localPart(int from, int to) {
        boolean digits = true;
        for (int i = from; i < to; i++) {
            if (!Text.isAsciiDigit(s.charAt(i))) {
                digits = false;
                break;
            }
        }
        if (digits) {
            return Digits.parse(s, from, to);
        }
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            b.append(Text.lower(s.charAt(i)));
        }
        return b.toString();
    }

    /** Parses a whole local label such as {@code ubuntu-1.2}; null if it is not one. */
    static Object[] parseLocalOrNull(String label) {
        VersionParser p = new VersionParser(label);
        p.pos = 0;
        Object[] local = p.local();
        return local != null && p.pos == label.length() ? local : null;
    }

    // ---- lexical helpers --------------------------------------------------------------

    private int digitsEnd(int from) {
        return Text.digitsEnd(s, from, end);
    }

    private int alnumEnd(int from) {
        return Text.alnumEnd(s, from, end);
    }

    private static boolean isSeparator(char c) {
        return Text.isVersionSeparator(c);
    }

    /** Skips one optional separator. */
    private int separator(int from) {
        return from < end && isSeparator(s.charAt(from)) ? from + 1 : from;
    }

    /** If {@code word} (lower case) appears at {@code from}, ignoring ASCII case, the index after it; else -1. */
    private int word(int from, String word) {
        int n = word.length();
        if (from + n > end) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (Text.lower(s.charAt(from + i)) != word.charAt(i)) {
                return -1;
            }
        }
        return from + n;
    }
}
