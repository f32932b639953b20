package dev.axle.resolver.requirements;

/**
 * A requirements file that pip would refuse, or that axle cannot read: the message starts
 * with {@code file:line:}, says what is wrong and shows the line, with a caret under the
 * bad part when it is known.
 */
public final class RequirementsFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Origin origin;
    private final String line;
    private final String reason;
    private final int start;
    private final int end;

    /**
     * @param start offset in {@code line} of the first bad character, or -1 to show no caret
     * @param end offset of the caret (at or after {@code start})
     */
    RequirementsFileException(Origin origin, String line, String reason, int start, int end, Throwable cause) {
        super(reason, cause);
        this.origin = origin;
        this.line = line;
        this.reason = reason;
        this.start = start;
        this.end = Math.max(start, end);
    }

    RequirementsFileException(Origin origin, String line, String reason) {
        this(origin, line, reason, -1, -1, null);
    }

    /** The file and line; for a file that could not be read, the line that named it. */
    public Origin origin() {
        return origin;
    }

    /** The logical line (continuations joined, comment removed, variables expanded); empty if none. */
    public String line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder().append(origin).append(": ").append(reason);
        if (!line.isEmpty()) {
            b.append("\n    ").append(line);
            if (start >= 0) {
                b.append("\n    ").append(" ".repeat(line.codePointCount(0, Math.min(start, line.length()))))
                        .append("~".repeat(line.codePointCount(Math.min(start, line.length()), Math.min(end, line.length()))))
                        .append('^');
            }
        }
        return b.toString();
    }
}
