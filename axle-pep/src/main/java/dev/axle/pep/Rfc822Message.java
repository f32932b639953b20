package dev.axle.pep;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The email-header form of core metadata (METADATA, PKG-INFO), split into header fields
 * and a body exactly as Python's {@code email.parser} does with the {@code compat32}
 * policy, which is what pypa/packaging's {@code parse_email} relies on:
 *
 * <ul>
 *   <li>lines end at CR, LF or CRLF; the headers end at the first empty line, or at the
 *       first line that is neither {@code name:...} (name characters {@code !} to {@code ~}
 *       except {@code :}) nor a continuation (starting with space or tab), which then
 *       begins the body;
 *   <li>a value is the rest of its first line without leading spaces and tabs, plus its
 *       continuation lines verbatim (line breaks included), without trailing CR/LF;
 *   <li>a continuation before any header and a line starting with {@code :} are dropped;
 *       {@code From } lines are mbox envelope lines (dropped, or the first body line when
 *       last).
 * </ul>
 *
 * <p>Byte input is read as Python's {@code BytesParser} reads it: each value and the body
 * are decoded as UTF-8, and a value that is not valid UTF-8 is decoded as Latin-1 and
 * flagged, so that the field can be reported as unparsed.
 *
 * <p>Not emulated: MIME structure. A {@code Content-Type: multipart/...} or
 * {@code message/...} header does not split the body into parts and a
 * {@code Content-Transfer-Encoding} header does not decode it (packaging would); such
 * headers are unknown to core metadata and fail validation either way.
 */
final class Rfc822Message {

    /** One header field: its name as written and its value. */
    record Field(String name, String value, boolean undecodable) {}

    private final List<Field> fields;
    private final String body;
    private final boolean bodyUndecodable;

    private Rfc822Message(List<Field> fields, String body, boolean bodyUndecodable) {
        this.fields = fields;
        this.body = body;
        this.bodyUndecodable = bodyUndecodable;
    }

    List<Field> fields() {
        return fields;
    }

    /** The body: everything after the header block, line breaks as written. */
    String body() {
        return body;
    }

    /** Whether the body (from byte input) was not UTF-8 and was decoded as Latin-1. */
    boolean bodyUndecodable() {
        return bodyUndecodable;
    }

    static Rfc822Message parse(String text) {
        return split(text, null);
    }

    static Rfc822Message parse(byte[] data) {
        // Latin-1 maps each byte to one char, so the line structure (all ASCII) is found
        // on the chars and each piece is turned back into its bytes to decode it.
        return split(new String(data, StandardCharsets.ISO_8859_1), data);
    }

    /** Splits {@code text}, which is {@code data} read as Latin-1 when from bytes, else {@code data} is null. */
    private static Rfc822Message split(String text, byte[] data) {
        boolean fromBytes = data != null;
        List<String> headerLines = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        int bodyStart = n;
        while (pos < n) {
            int end = lineEnd(text, pos);
            char first = text.charAt(pos);
            if (first == '\r' || first == '\n') {
                bodyStart = end;
                break;
            }
            if (!isHeaderLine(text, pos, end)) {
                bodyStart = pos;
                break;
            }
            headerLines.add(text.substring(pos, end));
            pos = end;
        }
        List<Field> fields = new ArrayList<>();
        String pushedBack = collectFields(headerLines, fields, fromBytes);
        String body = text.substring(bodyStart);
        if (pushedBack != null) {
            body = pushedBack + body;
        }
        boolean undecodable = false;
        if (fromBytes) {
            // The body is usually the long description, the biggest part: decoded from the
            // bytes themselves, with no copy back from the Latin-1 text.
            String decoded = pushedBack == null ? utf8(data, bodyStart) : utf8(body);
            undecodable = decoded == null;
            body = undecodable ? body : decoded;
        }
        return new Rfc822Message(List.copyOf(fields), body, undecodable);
    }

    /**
     * Groups header lines into fields; returns a trailing envelope line that belongs to
     * the body, or null.
     */
    private static String collectFields(List<String> lines, List<Field> fields, boolean fromBytes) {
        String name = null;
        StringBuilder value = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (name != null) {
                    value.append(line);
                }
                continue;
            }
            if (name != null) {
                fields.add(field(name, value, fromBytes));
                name = null;
            }
            if (line.startsWith("From ")) {
                if (i == lines.size() - 1 && i > 0) {
                    return line;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon == 0) {
                continue;
            }
            name = line.substring(0, colon);
            int start = colon + 1;
            while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
                start++;
            }
            value = new StringBuilder(line.length()).append(line, start, line.length());
        }
        if (name != null) {
            fields.add(field(name, value, fromBytes));
        }
        return null;
    }

    private static Field field(String name, StringBuilder raw, boolean fromBytes) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == '\n')) {
            end--;
        }
        String value = raw.substring(0, end);
        if (!fromBytes) {
            return new Field(name, value, false);
        }
        String decoded = utf8(value);
        return decoded == null ? new Field(name, value, true) : new Field(name, decoded, false);
    }

    /**
     * Decodes {@code data} from {@code from} as strict UTF-8, or returns null. (The JDK's decoder
     * passes a run of ASCII with one vectorized scan: faster than looking for non-ASCII bytes
     * first, which for the long descriptions in wheels' METADATA cost a warm install of jupyter's
     * 97 wheels 20 ms.)
     */
    private static String utf8(byte[] data, int from) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, data.length - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Decodes Latin-1-carried bytes as strict UTF-8, or returns null. */
    private static String utf8(String latin1) {
        // Nearly every field is ASCII, which decodes to itself: no copy to bytes for those.
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return utf8(latin1.getBytes(StandardCharsets.ISO_8859_1), 0);
            }
        }
        return latin1;
    }

    /** Index just past the line starting at {@code pos}, including its CR, LF or CRLF. */
    private static int lineEnd(String text, int pos) {
        int n = text.length();
        for (int i = pos; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return n;
    }

    /** Python's {@code headerRE}: {@code From }, {@code name:}, or a continuation line. */
    private static boolean isHeaderLine(String text, int pos, int end) {
        char first = text.charAt(pos);
        if (first == ' ' || first == '\t' || text.startsWith("From ", pos)) {
            return true;
        }
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return true;
            }
            if (c < '!' || c > '~') {
                return false;
            }
        }
        return false;
    }

    /**
     * Appends one header field, continuing a multi-line value on indented lines. A line of
     * the value that already starts with a space or tab is kept as it is, so that a value
     * read from a file is written back unchanged; other lines are indented as packaging
     * indents them (by the width of {@code "Name: "}).
     */
    static void writeField(StringBuilder out, String name, String value) {
        out.append(name).append(": ");
        String indent = null;
        int n = value.length();
        int start = 0;
        while (true) {
            int end = start;
            while (end < n && value.charAt(end) != '\r' && value.charAt(end) != '\n') {
                end++;
            }
            if (start > 0 && (start == end || (value.charAt(start) != ' ' && value.charAt(start) != '\t'))) {
                if (indent == null) {
                    indent = " ".repeat(name.length() + 2);
                }
                out.append(indent);
            }
            out.append(value, start, end);
            if (end >= n) {
                break;
            }
            int next = value.charAt(end) == '\r' && end + 1 < n && value.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            out.append(value, end, next);
            start = next;
            if (start >= n) {
                out.append(indent == null ? " ".repeat(name.length() + 2) : indent);
                break;
            }
        }
        out.append('\n');
    }
}
