package dev.axle.mirror.filter;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them: {@code 1048576}, {@code 512K}, {@code 50M}, {@code 1.5G},
 * {@code 2T}, with an optional {@code B} or {@code iB} ({@code 50MB}, {@code 50MiB}); the
 * units are binary (K = 1024), as bandersnatch's are.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(I?B)?");

    private ByteSize() {}

    /**
     * @throws InvalidFilterException if {@code text} is no such size
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidFilterException("'" + text + "' is no size: write a number of bytes, or one with K, M, G"
                    + " or T after it (50M, 1.5G)");
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * (1L << shift);
        if (bytes >= Long.MAX_VALUE) {
            throw new InvalidFilterException("'" + text + "' is too large a size");
        }
        return (long) bytes;
    }
}
