package dev.axle.pep;

import java.math.BigInteger;

/**
 * A non-negative integer too large for a {@code long}, kept as its decimal digits (no
 * leading zeros). Comparing, printing and hashing stay linear in the number of digits,
 * where {@link BigInteger}'s decimal conversion would be quadratic on huge inputs.
 */
record Digits(String value) implements Comparable<Digits> {
    private static final String LONG_MAX = String.valueOf(Long.MAX_VALUE);

    /**
     * The number written as ASCII digits in {@code s[from, to)}: a {@code Long} when it fits,
     * else a {@code Digits}.
     */
    static Object parse(CharSequence s, int from, int to) {
        while (from < to - 1 && s.charAt(from) == '0') {
            from++;
        }
        int n = to - from;
        if (n < LONG_MAX.length() || (n == LONG_MAX.length() && compareChars(s, from, LONG_MAX) <= 0)) {
            long v = 0;
            for (int i = from; i < to; i++) {
                v = v * 10 + (s.charAt(i) - '0');
            }
            return v;
        }
        return new Digits(s.subSequence(from, to).toString());
    }

    private static int compareChars(CharSequence s, int from, String other) {
        for (int i = 0; i < other.length(); i++) {
            int c = Character.compare(s.charAt(from + i), other.charAt(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public int compareTo(Digits o) {
        int c = Integer.compare(value.length(), o.value.length());
        return c != 0 ? c : value.compareTo(o.value);
    }

    /** This number plus one. */
    Digits plusOne() {
        char[] d = value.toCharArray();
        int i = d.length - 1;
        while (i >= 0 && d[i] == '9') {
            d[i--] = '0';
        }
        if (i < 0) {
            return new Digits("1" + new String(d));
        }
        d[i]++;
        return new Digits(new String(d));
    }

    BigInteger toBigInteger() {
        return new BigInteger(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
