package dev.axle.pep;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Content-Type header value read the way Python's {@code email} package reads it
 * ({@code email._header_value_parser.parse_content_type_header} and
 * {@code ContentTypeHeader}), because pypa/packaging validates Description-Content-Type by
 * storing it in an {@code EmailMessage}: the same values are accepted, the first defect
 * found is the one reported, and the parameters (including RFC 2231 encoded and continued
 * ones) decode the same.
 *
 * <pre>
 * content-type = token "/" token *(";" parameter)       ; tokens may carry CFWS
 * parameter    = attribute ["*" section] ["*"] "=" value
 * value        = token / quoted-string / charset "'" [lang] "'" encoded-text
 * </pre>
 *
 * <p>Deliberate approximations: charsets of RFC 2231 values and RFC 2047 encoded words are
 * looked up among Java's charsets, encoded words in base64 are repaired only as far as
 * Java's decoders allow (without packaging's defects for it), and comments nest at most
 * {@value #MAX_COMMENT_DEPTH} deep (deeper ones are malformed here; under Python 3.12 packaging
 * fails with a RecursionError from about 490).
 */
final class ContentTypeHeader {
    private static final int MAX_COMMENT_DEPTH = 480;

    private static final String WSP = " \t";
    private static final String CFWS_LEADER = " \t(";
    private static final String SPECIALS = "()<>@,:;.\\\"[]";
    private static final String ATOM_ENDS = SPECIALS + WSP;
    private static final String PHRASE_ENDS = ")<>@,:;\\[]";
    private static final String TOKEN_ENDS = "()<>@,:;\\\"[]/?=" + WSP;
    private static final String ATTRIBUTE_ENDS = TOKEN_ENDS + "*'%";
    private static final String EXTENDED_ATTRIBUTE_ENDS = TOKEN_ENDS + "*'";

    /** Python's HeaderParseError: the parser backtracks on it. */
    private static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError() {
            super(null, null, false, false);
        }
    }

    /** A failure Python reports as ValueError or IndexError rather than as a defect. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    private static final ParseError PARSE_ERROR = new ParseError();
    private static final Malformed MALFORMED = new Malformed();

    /** A node of Python's parse tree: a terminal (text != null) or a token list. */
    private static final class Node {
        final String cls;
        String type;
        final String text;
        final List<Node> kids;
        /** Null until the first defect: most nodes have none. */
        List<String> defects;
        boolean sectioned;
        boolean extended;
        long number;
        String charset = "us-ascii";

        Node(String cls, String type) {
            this(cls, type, null);
        }

        Node(String cls, String type, String text) {
            this.cls = cls;
            this.type = type;
            this.text = text;
            this.kids = text == null ? new ArrayList<>(4) : List.of();
        }

        void defect(String message) {
            if (defects == null) {
                defects = new ArrayList<>(2);
            }
            defects.add(message);
        }

        boolean isTerminal() {
            return text != null;
        }

        Node add(Node kid) {
            kids.add(kid);
            return this;
        }
    }

    private String input;
    private int pos;
    private Node parameters;
    private List<Map.Entry<String, String>> decodedParameters;

    private final String firstDefect;
    private final String contentType;
    private final Map<String, String> params;

    private ContentTypeHeader(String input) throws Malformed {
        this.input = input;
        Node root = parseContentType();
        decodedParameters = parameters == null ? List.of() : decodeParameters(parameters);
        List<String> defects = new ArrayList<>();
        collectDefects(root, defects);
        firstDefect = defects.isEmpty() ? null : defects.get(0);
        contentType = contentType(str(root));
        params = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : decodedParameters) {
            params.put(Text.pyLower(p.getKey()), p.getValue());
        }
    }

    /**
     * Reads a header value.
     *
     * @throws Malformed where Python's email package raises instead of recording a defect
     *     (a value of more than one line, and a few malformed parameters)
     */
    static ContentTypeHeader parse(String value) throws Malformed {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Text.isLineBoundary(c)) {
                int next = c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (next < value.length()) {
                    throw MALFORMED;
                }
                break;
            }
        }
        return new ContentTypeHeader(value);
    }

    /** The first defect Python's parser records, or null if there is none. */
    String firstDefect() {
        return firstDefect;
    }

    /** {@code Message.get_content_type()}: lower-cased, {@code text/plain} if not type/subtype. */
    String contentType() {
        return contentType;
    }

    /** Parameters by lower-cased name, decoded. */
    Map<String, String> params() {
        return params;
    }

    private static String contentType(String decoded) {
        int semi = decoded.indexOf(';');
        String type = Text.pyLower(Text.strip(semi < 0 ? decoded : decoded.substring(0, semi)));
        return type.indexOf('/') >= 0 && type.indexOf('/') == type.lastIndexOf('/') ? type : "text/plain";
    }

    // ---- the grammar ----

    private boolean more() {
        return pos < input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private boolean at(String chars) {
        return more() && chars.indexOf(peek()) >= 0;
    }

    private Node parseContentType() throws Malformed {
        Node ctype = new Node("ContentType", "content-type");
        if (!more()) {
            ctype.defect("Missing content type specification");
            return ctype;
        }
        int start = pos;
        Node main = token();
        if (main == null) {
            ctype.defect("Expected content maintype but found " + Text.pyRepr(input.substring(start)));
            return findParameters(ctype);
        }
        ctype.add(main);
        if (!more() || peek() != '/') {
            ctype.defect("Invalid content type");
            return findParameters(ctype);
        }
        ctype.add(new Node("ValueTerminal", "content-type-separator", "/"));
        pos++;
        start = pos;
        Node sub = token();
        if (sub == null) {
            ctype.defect("Expected content subtype but found " + Text.pyRepr(input.substring(start)));
            return findParameters(ctype);
        }
        ctype.add(sub);
        if (!more()) {
            return ctype;
        }
        if (peek() != ';') {
            ctype.defect("Only parameters are valid after content type, but found "
                    + Text.pyRepr(input.substring(pos)));
            return findParameters(ctype);
        }
        ctype.add(new Node("ValueTerminal", "parameter-separator", ";"));
        pos++;
        parameters = mimeParameters();
        ctype.add(parameters);
        return ctype;
    }

    /**
     * After a malformed type, Python still reads on to the parameters (its
     * {@code _find_mime_parameters}); the value is invalid already, but reading them can
     * still fail the way {@link Malformed} describes.
     */
    private Node findParameters(Node ctype) throws Malformed {
        while (more() && peek() != ';') {
            if (at(PHRASE_ENDS)) {
                ctype.add(new Node("ValueTerminal", "misplaced-special", String.valueOf(peek())));
                pos++;
            } else {
                ctype.add(phrase());
            }
        }
        if (more()) {
            ctype.add(new Node("ValueTerminal", "parameter-separator", ";"));
            pos++;
            parameters = mimeParameters();
            ctype.add(parameters);
        }
        return ctype;
    }

    /** {@code token = [CFWS] 1*ttext [CFWS]}, or null (position restored) if there is none. */
    private Node token() throws Malformed {
        int start = pos;
        Node token = new Node("Token", "token");
        if (at(CFWS_LEADER)) {
            token.add(cfws(0));
        }
        Node text = run("ttext", TOKEN_ENDS);
        if (text == null) {
            pos = start;
            return null;
        }
        token.add(text);
        if (at(CFWS_LEADER)) {
            token.add(cfws(0));
        }
        return token;
    }

    /** A non-empty run of characters not in {@code ends}, checked for non-printables. */
    private Node run(String type, String ends) {
        int start = pos;
        while (more() && ends.indexOf(peek()) < 0) {
            pos++;
        }
        if (pos == start) {
            return null;
        }
        return validated(new Node("ValueTerminal", type, input.substring(start, pos)));
    }

    private static Node validated(Node terminal) {
        StringBuilder found = null;
        String text = terminal.text;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                found = (found == null ? new StringBuilder("[") : found.append(", ")).append(Text.pyRepr(String.valueOf(c)));
            }
        }
        if (found != null) {
            terminal.defect("the following ASCII non-printables found in header: " + found.append(']'));
        }
        if (hasLoneSurrogate(text)) {
            terminal.defect("Non-ASCII characters found in header token");
        }
        return terminal;
    }

    private Node fws() {
        int start = pos;
        pos = Text.skipSpace(input, pos, input.length());
        return new Node("WhiteSpaceTerminal", "fws", input.substring(start, pos));
    }

    private Node cfws(int depth) throws Malformed {
        Node list = new Node("CFWSList", "cfws");
        while (at(CFWS_LEADER)) {
            list.add(peek() == '(' ? comment(depth) : fws());
        }
        return list;
    }

    private Node comment(int depth) throws Malformed {
        if (depth > MAX_COMMENT_DEPTH) {
            throw MALFORMED;
        }
        Node comment = new Node("Comment", "comment");
        pos++;
        while (more() && peek() != ')') {
            if (at(WSP)) {
                comment.add(fws());
            } else if (peek() == '(') {
                comment.add(comment(depth + 1));
            } else {
                comment.add(validated(new Node("WhiteSpaceTerminal", "ptext", quotedText("()"))));
            }
        }
        if (!more()) {
            comment.defect("end of header inside comment");
        } else {
            pos++;
        }
        return comment;
    }

    /**
     * Text up to one of {@code ends} or whitespace, with backslash quoted pairs decoded
     * (Python's {@code _get_ptext_to_endchars}).
     */
    private String quotedText(String ends) {
        StringBuilder out = new StringBuilder();
        boolean escape = false;
        while (more() && WSP.indexOf(peek()) < 0) {
            char c = peek();
            if (c == '\\' && !escape) {
                escape = true;
                pos++;
                continue;
            }
            if (escape) {
                escape = false;
            } else if (ends.indexOf(c) >= 0) {
                break;
            }
            out.append(c);
            pos++;
        }
        return out.toString();
    }

    private Node qcontent() {
        return validated(new Node("ValueTerminal", "ptext", quotedText("\"")));
    }

    private Node bareQuotedString() {
        Node bare = new Node("BareQuotedString", "bare-quoted-string");
        pos++;
        if (more() && peek() == '"') {
            bare.add(qcontent());
        }
        while (more() && peek() != '"') {
            Node word = input.startsWith("=?", pos) ? encodedWord() : null;
            if (word != null) {
                bare.defect("encoded word inside quoted string");
                bare.add(word);
            } else {
                bare.add(at(WSP) ? fws() : qcontent());
            }
        }
        if (!more()) {
            bare.defect("end of header inside quoted string");
        } else {
            pos++;
        }
        return bare;
    }

    /**
     * An RFC 2047 encoded word ({@code =?charset?q-or-b?text?=}) at the position, decoded,
     * or null (position unchanged) if there is none.
     */
    private Node encodedWord() {
        int close = nextClose(pos + 2);
        if (close < 0) {
            return null;
        }
        String tok = input.substring(pos + 2, close);
        int end = close + 2;
        // "?=" right after the encoding letter may start a Q-encoded "=XX" escape instead.
        if (end + 1 < input.length() && isHexDigit(input.charAt(end)) && isHexDigit(input.charAt(end + 1))
                && tok.chars().filter(c -> c == '?').count() < 2) {
            int next = nextClose(end);
            tok = tok + "?=" + input.substring(end, next < 0 ? input.length() : next);
            end = next < 0 ? input.length() : next + 2;
        }
        String[] parts = tok.split("\\?", -1);
        if (parts.length != 3 || !(parts[1].equalsIgnoreCase("q") || parts[1].equalsIgnoreCase("b"))) {
            return null;
        }
        byte[] encoded = new byte[parts[2].length()];
        for (int i = 0; i < encoded.length; i++) {
            char c = parts[2].charAt(i);
            if (c >= 0x80) {
                return null; // Python cannot encode it to ASCII: not an encoded word
            }
            encoded[i] = (byte) c;
        }
        Node word = new Node("EncodedWord", "encoded-word");
        if (Text.splitWhitespaceCount(tok) > 1) {
            word.defect("whitespace inside encoded word");
        }
        String charsetName = parts[0].indexOf('*') < 0 ? parts[0] : parts[0].substring(0, parts[0].indexOf('*'));
        byte[] bytes = parts[1].equalsIgnoreCase("q") ? decodeQ(encoded) : decodeB(encoded);
        Charset charset = charset(charsetName);
        String text = charset == null ? null : decode(bytes, charset);
        if (charset == null) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (!Text.pyLower(charsetName).equals("unknown-8bit")) {
                word.defect("Unknown charset " + Text.pyRepr(charsetName)
                        + " in encoded word; decoded as unknown bytes");
            }
        } else if (text == null) {
            word.defect("Encoded word contains bytes not decodable using " + Text.pyRepr(charsetName)
                    + " charset");
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        for (int i = 0; i < text.length(); ) {
            int stop = i;
            boolean space = WSP.indexOf(text.charAt(i)) >= 0;
            while (stop < text.length() && (WSP.indexOf(text.charAt(stop)) >= 0) == space) {
                stop++;
            }
            String piece = text.substring(i, stop);
            word.add(space ? new Node("WhiteSpaceTerminal", "fws", piece)
                    : validated(new Node("ValueTerminal", "vtext", piece)));
            i = stop;
        }
        pos = end;
        if (more() && WSP.indexOf(peek()) < 0) {
            word.defect("missing trailing whitespace after encoded-word");
        }
        return word;
    }

    private static boolean isHexDigit(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }

    /** Q encoding: "_" for space, "=XX" for a byte. */
    private static byte[] decodeQ(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '=' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i] == '_' ? ' ' : in[i]);
            }
        }
        return out.toByteArray();
    }

    /** B encoding: base64, padding repaired and stray characters skipped as Python does. */
    private static byte[] decodeB(byte[] in) {
        String s = new String(in, StandardCharsets.US_ASCII);
        int pad = s.length() % 4;
        try {
            return Base64.getDecoder().decode(pad == 0 ? s : s + "===".substring(0, 4 - pad));
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getMimeDecoder().decode(s + "==");
            } catch (IllegalArgumentException again) {
                return in;
            }
        }
    }

    /** The next "?=" at or after {@code from}; remembered, so that scanning stays linear. */
    private int nextClose(int from) {
        if (closeInput != input || from < closeFrom || (closeAt >= 0 && closeAt < from)) {
            closeInput = input;
            closeFrom = from;
            closeAt = input.indexOf("?=", from);
        }
        return closeAt;
    }

    private String closeInput;
    private int closeFrom;
    private int closeAt;

    private Node quotedString() throws Malformed {
        Node quoted = new Node("QuotedString", "quoted-string");
        if (at(CFWS_LEADER)) {
            quoted.add(cfws(0));
        }
        quoted.add(bareQuotedString());
        if (at(CFWS_LEADER)) {
            quoted.add(cfws(0));
        }
        return quoted;
    }

    /** {@code [CFWS] attrtext [CFWS]}, with or without {@code %} in the text. */
    private Node attribute(boolean extended) throws ParseError, Malformed {
        Node attribute = new Node("Attribute", "attribute");
        if (at(CFWS_LEADER)) {
            attribute.add(cfws(0));
        }
        String ends = extended ? EXTENDED_ATTRIBUTE_ENDS : ATTRIBUTE_ENDS;
        Node text = run(extended ? "extended-attrtext" : "attrtext", ends);
        if (text == null) {
            throw PARSE_ERROR;
        }
        attribute.add(text);
        if (at(CFWS_LEADER)) {
            attribute.add(cfws(0));
        }
        return attribute;
    }

    private Node value() throws ParseError, Malformed {
        if (!more()) {
            throw PARSE_ERROR;
        }
        Node leader = at(CFWS_LEADER) ? cfws(0) : null;
        if (!more()) {
            throw PARSE_ERROR;
        }
        Node token = peek() == '"' ? quotedString() : attribute(true);
        if (leader != null) {
            token.kids.add(0, leader);
        }
        return new Node("Value", "value").add(token);
    }

    private Node mimeParameters() throws Malformed {
        Node params = new Node("MimeParameters", "mime-parameters");
        while (more()) {
            int start = pos;
            try {
                params.add(parameter());
            } catch (ParseError e) {
                pos = start;
                Node leader = at(CFWS_LEADER) ? cfws(0) : null;
                if (!more()) {
                    params.add(leader);
                    return params;
                }
                if (peek() == ';') {
                    if (leader != null) {
                        params.add(leader);
                    }
                    params.defect("parameter entry with no content");
                } else {
                    Node invalid = invalidParameter();
                    if (leader != null && !leader.kids.isEmpty()) {
                        invalid.kids.add(0, leader);
                    }
                    params.add(invalid);
                    params.defect("invalid parameter " + repr(invalid));
                }
            }
            if (more() && peek() != ';') {
                Node param = params.kids.get(params.kids.size() - 1);
                param.type = "invalid-parameter";
                Node trailing = invalidParameter();
                param.kids.addAll(trailing.kids);
                params.defect("parameter with invalid trailing text " + repr(trailing));
            }
            if (more()) {
                params.add(new Node("ValueTerminal", "parameter-separator", ";"));
                pos++;
            }
        }
        return params;
    }

    private Node parameter() throws ParseError, Malformed {
        Node param = new Node("Parameter", "parameter");
        Node attribute = attribute(false);
        param.add(attribute);
        if (!more() || peek() == ';') {
            param.defect("Parameter contains name (" + str(attribute) + ") but no value");
            return param;
        }
        if (peek() == '*') {
            Node section = section();
            if (section != null) {
                param.sectioned = true;
                param.number = section.number;
                param.add(section);
            }
            if (!more()) {
                throw PARSE_ERROR;
            }
            if (peek() == '*') {
                param.add(new Node("ValueTerminal", "extended-parameter-marker", "*"));
                pos++;
                param.extended = true;
            }
        }
        if (!more()) {
            throw MALFORMED; // Python indexes past the end here: an IndexError
        }
        if (peek() != '=') {
            throw PARSE_ERROR;
        }
        param.add(new Node("ValueTerminal", "parameter-separator", "="));
        pos++;
        if (at(CFWS_LEADER)) {
            param.add(cfws(0));
        }
        // An extended value in double quotes is a common mistake: the quoted text is read
        // as if unquoted (with a defect), then parsing resumes after the closing quote.
        if (param.extended && more() && peek() == '"') {
            int quoteStart = pos;
            Node quoted = quotedString();
            String inner = stripped(quoted);
            boolean semiValid;
            if (param.number == 0) {
                semiValid = !inner.isEmpty() && inner.charAt(0) == '\'';
                if (!semiValid) {
                    int end = runEnd(inner, ATTRIBUTE_ENDS);
                    if (end == 0) {
                        throw PARSE_ERROR;
                    }
                    semiValid = end < inner.length() && inner.charAt(end) == '\'';
                }
            } else {
                int end = runEnd(inner, EXTENDED_ATTRIBUTE_ENDS);
                semiValid = end > 0 && end == inner.length();
            }
            if (semiValid) {
                param.defect("Quoted string value for extended parameter is invalid");
                param.add(quoted);
                Node appendTo = param;
                for (Node t : quoted.kids) {
                    if (t.type.equals("bare-quoted-string")) {
                        t.kids.clear();
                        appendTo = t;
                        break;
                    }
                }
                String outer = input;
                int resume = pos;
                input = inner;
                pos = 0;
                try {
                    return extendedValue(param, appendTo, true);
                } finally {
                    input = outer;
                    pos = resume;
                }
            }
            param.defect("Parameter marked as extended but appears to have a quoted string value"
                    + " that is non-encoded");
            pos = quoteStart;
        }
        return extendedValue(param, param, false);
    }

    /** The value after {@code =}: plain, or {@code charset'lang'text} for extended parameters. */
    private Node extendedValue(Node param, Node appendTo, boolean inQuotes) throws ParseError, Malformed {
        Node token = null;
        if (!(more() && peek() == '\'')) {
            token = value();
        }
        if (!param.extended || param.number > 0) {
            if (!more() || peek() != '\'') {
                appendTo.add(token);
                return param;
            }
            param.defect("Apparent initial-extended-value but attribute was not marked as extended"
                    + " or was not initial section");
        }
        if (!more()) {
            param.defect("Missing required charset/lang delimiters");
            appendTo.add(token);
            if (!inQuotes) {
                return param;
            }
        } else {
            if (token != null) {
                Node last = token.kids.get(token.kids.size() - 1);
                appendTo.add(last);
                param.charset = value(last);
            }
            if (peek() != '\'') {
                throw PARSE_ERROR;
            }
            appendTo.add(new Node("ValueTerminal", "RFC2231-delimiter", "'"));
            pos++;
            if (more() && peek() != '\'') {
                Node lang = run("attrtext", ATTRIBUTE_ENDS);
                if (lang == null) {
                    throw PARSE_ERROR;
                }
                appendTo.add(lang);
                if (!more() || peek() != '\'') {
                    throw PARSE_ERROR;
                }
            }
            appendTo.add(new Node("ValueTerminal", "RFC2231-delimiter", "'"));
            pos++;
        }
        if (inQuotes) {
            Node v = new Node("Value", "value");
            while (more()) {
                if (at(WSP)) {
                    v.add(fws());
                } else if (peek() == '"') {
                    v.add(new Node("ValueTerminal", "DQUOTE", "\""));
                    pos++;
                } else {
                    v.add(qcontent());
                }
            }
            token = v;
        } else {
            token = value();
        }
        appendTo.add(token);
        return param;
    }

    /** {@code "*" digits}, or null (position restored) if not one. */
    private Node section() throws Malformed {
        int start = pos;
        pos++;
        while (more() && isPythonDigit(peek())) {
            pos++;
        }
        String digits = input.substring(start + 1, pos);
        if (digits.isEmpty()) {
            pos = start;
            return null;
        }
        Node section = new Node("Section", "section");
        section.add(new Node("ValueTerminal", "section-marker", "*"));
        if (digits.charAt(0) == '0' && digits.length() > 1) {
            section.defect("section number has an invalid leading 0");
        }
        long number = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 10);
            if (d < 0) {
                throw MALFORMED; // a digit symbol such as a superscript: int() raises ValueError
            }
            number = number > Long.MAX_VALUE / 20 ? number : number * 10 + d;
        }
        section.number = number;
        section.add(new Node("ValueTerminal", "digits", digits));
        return section;
    }

    /** Python's {@code str.isdigit()}: decimal digits and digit-valued symbols such as superscripts. */
    private static boolean isPythonDigit(char c) {
        if (Character.isDigit(c)) {
            return true;
        }
        int v = Character.getNumericValue(c);
        return Character.getType(c) == Character.OTHER_NUMBER && v >= 0 && v <= 9;
    }

    private Node invalidParameter() throws Malformed {
        Node invalid = new Node("InvalidParameter", "invalid-parameter");
        while (more() && peek() != ';') {
            if (at(PHRASE_ENDS)) {
                invalid.add(new Node("ValueTerminal", "misplaced-special", String.valueOf(peek())));
                pos++;
            } else {
                invalid.add(phrase());
            }
        }
        return invalid;
    }

    private Node phrase() throws Malformed {
        Node phrase = new Node("Phrase", "phrase");
        int start = pos;
        try {
            phrase.add(word());
        } catch (ParseError e) {
            pos = start;
            phrase.defect("phrase does not start with word");
        }
        while (more() && PHRASE_ENDS.indexOf(peek()) < 0) {
            if (peek() == '.') {
                phrase.add(new Node("ValueTerminal", "dot", "."));
                phrase.defect("period in 'phrase'");
                pos++;
                continue;
            }
            start = pos;
            try {
                phrase.add(word());
            } catch (ParseError e) {
                pos = start;
                // Only CFWS can start where a word cannot (see Python's get_phrase).
                phrase.add(cfws(0));
                phrase.defect("comment found without atom");
            }
        }
        return phrase;
    }

    private Node word() throws ParseError, Malformed {
        Node leader = at(CFWS_LEADER) ? cfws(0) : null;
        if (!more()) {
            throw PARSE_ERROR;
        }
        Node token;
        if (peek() == '"') {
            token = quotedString();
        } else if (SPECIALS.indexOf(peek()) >= 0) {
            throw PARSE_ERROR;
        } else {
            token = new Node("Atom", "atom");
            Node text = input.startsWith("=?", pos) ? encodedWord() : null;
            if (text == null) {
                text = run("atext", ATOM_ENDS);
            }
            if (text == null) {
                throw PARSE_ERROR;
            }
            token.add(text);
            if (at(CFWS_LEADER)) {
                token.add(cfws(0));
            }
        }
        if (leader != null) {
            token.kids.add(0, leader);
        }
        return token;
    }

    // ---- what Python computes from the tree ----

    private List<Map.Entry<String, String>> decodeParameters(Node mime) throws Malformed {
        Map<String, List<Node>> byName = new LinkedHashMap<>();
        for (Node token : mime.kids) {
            if (token == null || token.isTerminal() || !token.type.endsWith("parameter")) {
                continue;
            }
            if (token.kids.isEmpty() || !token.kids.get(0).type.equals("attribute")) {
                continue;
            }
            String name = Text.strip(value(token.kids.get(0)));
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(token);
        }
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, List<Node>> e : byName.entrySet()) {
            List<Node> parts = new ArrayList<>(e.getValue());
            parts.sort((a, b) -> Long.compare(sectionNumber(a), sectionNumber(b)));
            Node first = parts.get(0);
            Charset charset = first.extended ? charset(first.charset) : null;
            if (!first.extended && parts.size() > 1 && sectionNumber(parts.get(1)) == 0) {
                parts.get(1).defect("duplicate parameter name; duplicate(s) ignored");
                parts = parts.subList(0, 1);
            }
            StringBuilder value = new StringBuilder();
            long i = 0;
            for (Node param : parts) {
                if (sectionNumber(param) != i) {
                    if (!param.extended) {
                        param.defect("duplicate parameter name; duplicate ignored");
                        continue;
                    }
                    param.defect("inconsistent RFC2231 parameter numbering");
                }
                i++;
                String v = parameterValue(param);
                if (param.extended) {
                    if (charset == null) {
                        charset = charset(first.charset);
                    }
                    String decoded = decode(percentDecode(v), charset == null ? StandardCharsets.US_ASCII : charset);
                    if (decoded == null) {
                        param.defect("");
                        decoded = new String(percentDecode(v), StandardCharsets.ISO_8859_1);
                    }
                    v = decoded;
                }
                value.append(v);
            }
            out.add(Map.entry(e.getKey(), value.toString()));
        }
        return out;
    }

    private static long sectionNumber(Node param) {
        return param.sectioned ? param.number : 0;
    }

    private String parameterValue(Node param) throws Malformed {
        for (Node token : param.kids) {
            if (token.type.equals("value")) {
                return strippedValue(token);
            }
            if (token.type.equals("quoted-string")) {
                for (Node bare : token.kids) {
                    if (bare.type.equals("bare-quoted-string")) {
                        for (Node v : bare.kids) {
                            if (v.type.equals("value")) {
                                return strippedValue(v);
                            }
                        }
                    }
                }
            }
        }
        return "";
    }

    private String strippedValue(Node value) throws Malformed {
        if (value.kids.isEmpty()) {
            throw MALFORMED; // Python indexes an empty list here: an IndexError
        }
        Node token = value.kids.get(0);
        if (token.type.equals("cfws")) {
            token = value.kids.get(1);
        }
        if (token.type.endsWith("quoted-string")) {
            return stripped(token);
        }
        if (token.type.endsWith("attribute")) {
            for (Node t : token.kids) {
                if (t.type.endsWith("attrtext")) {
                    return value(t);
                }
            }
        }
        return value(value);
    }

    /** The unquoted content of a quoted string. */
    private String stripped(Node quoted) {
        if (quoted.type.equals("bare-quoted-string")) {
            return value(quoted);
        }
        for (Node t : quoted.kids) {
            if (t.type.equals("bare-quoted-string")) {
                return value(t);
            }
        }
        return null;
    }

    private static byte[] percentDecode(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
                out.write(hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]));
                i += 2;
            } else {
                out.write(utf8[i]);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return b >= 0 ? Character.digit((char) b, 16) : -1;
    }

    private final Map<String, Optional<Charset>> charsets = new HashMap<>();

    /** {@link #pythonCharset}, looked up once per name. */
    private Charset charset(String name) {
        return charsets.computeIfAbsent(name, n -> Optional.ofNullable(pythonCharset(n))).orElse(null);
    }

    /**
     * The charset Python's codec registry finds for a name, approximately: Java's charsets
     * under the name as given, with separators as "-", or without separators
     * ({@code latin-1} is Java's {@code latin1}); null if none.
     */
    private static Charset pythonCharset(String name) {
        String spaced = name.strip().replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
        for (String candidate : new String[] {name.strip(), spaced, spaced.replace("-", "")}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalArgumentException e) {
                // try the next spelling
            }
        }
        return null;
    }

    /** Decodes strictly; null if the bytes do not decode. */
    private static String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int runEnd(String s, String ends) {
        int i = 0;
        while (i < s.length() && ends.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void collectDefects(Node node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.defects != null) {
            out.addAll(node.defects);
        }
        for (Node kid : node.kids) {
            collectDefects(kid, out);
        }
    }

    /** Python's {@code str()} of a node: the text as written, re-quoted where Python re-quotes. */
    private String str(Node node) {
        if (node == null) {
            return "";
        }
        if (node.isTerminal()) {
            return node.text;
        }
        StringBuilder out = new StringBuilder();
        switch (node.cls) {
            case "BareQuotedString" -> {
                for (Node kid : node.kids) {
                    out.append(str(kid));
                }
                return quote(out.toString());
            }
            case "Comment" -> {
                out.append('(');
                for (Node kid : node.kids) {
                    String s = str(kid);
                    out.append(kid.cls.equals("Comment") ? s
                            : s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"));
                }
                return out.append(')').toString();
            }
            case "MimeParameters" -> {
                for (Map.Entry<String, String> p : decodedParameters) {
                    out.append(out.length() == 0 ? " " : "; ").append(p.getKey());
                    if (!p.getValue().isEmpty()) {
                        out.append('=').append(quote(p.getValue()));
                    }
                }
                return out.toString();
            }
            default -> {
                for (Node kid : node.kids) {
                    out.append(str(kid));
                }
                return out.toString();
            }
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Python's {@code .value} of a node: whitespace and comments read as one space. */
    private String value(Node node) {
        if (node.isTerminal()) {
            return node.cls.equals("WhiteSpaceTerminal") ? " " : node.text;
        }
        if (node.cls.equals("CFWSList") || node.cls.equals("Comment")) {
            return " ";
        }
        StringBuilder out = new StringBuilder();
        for (Node kid : node.kids) {
            out.append(node.cls.equals("BareQuotedString") ? str(kid) : value(kid));
        }
        return out.toString();
    }

    /** Python's {@code repr()} of a node, as defect messages show it. */
    private String repr(Node node) {
        if (node.isTerminal()) {
            return node.cls + "(" + Text.pyRepr(node.text) + ")";
        }
        StringBuilder out = new StringBuilder(node.cls).append("([");
        for (int i = 0; i < node.kids.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(repr(node.kids.get(i)));
        }
        return out.append("])").toString();
    }
}
