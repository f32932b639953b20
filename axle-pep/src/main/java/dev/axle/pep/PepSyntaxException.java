package dev.axle.pep;

/**
 * An input that does not follow one of the packaging specifications' grammars.
 *
 * <p>Carries the input and the span of the bad part; {@link #getMessage()} shows them
 * the way pypa/packaging does:
 *
 * <pre>
 * Expected comma between extra names
 *     name[bar baz]
 *              ^
 * </pre>
 */
public class PepSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** Inputs longer than this are shown as a window around the bad part. */
    private static final int WINDOW = 120;

    private final String reason;
    private final String input;
    private final int start;
    private final int end;

    protected PepSyntaxException(String reason, String input, int start, int end) {
        super(reason);
        this.reason = reason;
        this.input = input == null ? "" : input;
        this.start = Math.max(0, Math.min(start, this.input.length()));
        this.end = Math.max(this.start, Math.min(end, this.input.length()));
    }

    /** What is wrong, without the echoed input. */
    public String reason() {
        return reason;
    }

    /** The whole input that was being parsed. */
    public String input() {
        return input;
    }

    /** Offset of the first character of the bad part. */
    public int start() {
        return start;
    }

    /** Offset of the caret: the position at which parsing failed. */
    public int end() {
        return end;
    }

    @Override
    public String getMessage() {
        String shown = input;
        int s = start;
        int e = end;
        if (input.length() > 2 * WINDOW) {
            int from = Math.max(0, s - WINDOW / 2);
            int to = Math.min(input.length(), Math.max(e, s) + WINDOW / 2);
            shown = (from > 0 ? "..." : "") + input.substring(from, to) + (to < input.length() ? "..." : "");
            int shift = from > 0 ? from - 3 : 0;
            s -= shift;
            e -= shift;
        }
        // Columns count code points, as Python's str indices do, so an astral character
        // before the span shifts the underline by one column, not two.
        int column = shown.codePointCount(0, s);
        int width = shown.codePointCount(s, e);
        return reason + "\n    " + shown + "\n    " + " ".repeat(column) + "~".repeat(width) + "^";
    }
}
