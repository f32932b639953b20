package dev.axle.pep;

/**
 * The context-sensitive tokenizer of dependency specifiers and markers: the parser asks
 * whether a token of a given kind starts at the current position. Each kind matches what
 * the same-named regular expression of pypa/packaging's {@code _tokenizer.py} matches,
 * including Python's Unicode-aware {@code \b}.
 */
final class DependencyTokenizer {

    enum Kind {
        LEFT_PARENTHESIS, RIGHT_PARENTHESIS, LEFT_BRACKET, RIGHT_BRACKET, SEMICOLON, COMMA,
        QUOTED_STRING, OP, BOOLOP, IN, NOT, VARIABLE, SPECIFIER, AT, URL, IDENTIFIER,
        VERSION_PREFIX_TRAIL, VERSION_LOCAL_LABEL_TRAIL, WS, END
    }

    /** A token that was read: its text and the offset where it starts. */
    record Token(String text, int position) {}

    private static final String[] OPERATORS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};
    private static final String[] BOOLEAN_OPERATORS = {"or", "and"};
    private static final String[] IN_WORD = {"in"};
    private static final String[] NOT_WORD = {"not"};
    /** Marker variable names in the order of packaging's alternation (so "extras" before "extra"). */
    private static final String[] VARIABLES = {
        "python_version", "python_full_version", "os.name", "os_name", "sys.platform", "sys_platform",
        "platform_release", "platform_system", "platform.version", "platform_version",
        "platform.machine", "platform_machine", "platform.python_implementation",
        "platform_python_implementation", "python_implementation", "implementation_name",
        "implementation_version", "extras", "extra", "dependency_groups",
    };

    private final String source;
    private final int length;
    private int position;
    private int pendingEnd = -1;

    DependencyTokenizer(String source) {
        this.source = source;
        this.length = source.length();
    }

    String source() {
        return source;
    }

    int position() {
        return position;
    }

    /** Whether a token of this kind comes next; if so it must be {@link #read()} next. */
    boolean check(Kind kind) {
        int end = match(kind, position);
        if (end < 0) {
            return false;
        }
        pendingEnd = end;
        return true;
    }

    /** Whether a token of this kind comes next, without loading it. */
    boolean peek(Kind kind) {
        return match(kind, position) >= 0;
    }

    /** Reads a token of this kind if one comes next. */
    void consume(Kind kind) {
        int end = match(kind, position);
        if (end >= 0) {
            position = end;
            pendingEnd = -1;
        }
    }

    /** Reads a token of this kind, failing with "Expected {@code expected}" otherwise. */
    Token expect(Kind kind, String expected) {
        if (!check(kind)) {
            throw error("Expected " + expected);
        }
        return read();
    }

    /** Reads the token found by the last successful {@link #check}. */
    Token read() {
        if (pendingEnd < 0) {
            throw new IllegalStateException("read() without a successful check()");
        }
        Token token = new Token(source.substring(position, pendingEnd), position);
        position = pendingEnd;
        pendingEnd = -1;
        return token;
    }

    DependencySyntaxError error(String reason) {
        return new DependencySyntaxError(reason, position, position);
    }

    DependencySyntaxError error(String reason, int spanStart) {
        return new DependencySyntaxError(reason, spanStart, position);
    }

    private int match(Kind kind, int p) {
        return switch (kind) {
            case LEFT_PARENTHESIS -> single(p, '(');
            case RIGHT_PARENTHESIS -> single(p, ')');
            case LEFT_BRACKET -> single(p, '[');
            case RIGHT_BRACKET -> single(p, ']');
            case SEMICOLON -> single(p, ';');
            case COMMA -> single(p, ',');
            case AT -> single(p, '@');
            case QUOTED_STRING -> quotedString(p);
            case OP -> firstOf(p, OPERATORS, false);
            case BOOLOP -> firstOf(p, BOOLEAN_OPERATORS, true);
            case IN -> firstOf(p, IN_WORD, true);
            case NOT -> firstOf(p, NOT_WORD, true);
            case VARIABLE -> firstOf(p, VARIABLES, true);
            case SPECIFIER -> SpecifierParser.tokenEnd(source, p);
            case URL -> url(p);
            case IDENTIFIER -> identifier(p);
            case VERSION_PREFIX_TRAIL -> source.startsWith(".*", p) ? p + 2 : -1;
            case VERSION_LOCAL_LABEL_TRAIL -> localLabel(p);
            case WS -> spaceOrTab(p);
            case END -> p == length ? p : -1;
        };
    }

    private int single(int p, char c) {
        return p < length && source.charAt(p) == c ? p + 1 : -1;
    }

    /** {@code '[^']*'} or {@code "[^"]*"}: no escapes, the first matching quote closes. */
    private int quotedString(int p) {
        if (p >= length) {
            return -1;
        }
        char quote = source.charAt(p);
        if (quote != '\'' && quote != '"') {
            return -1;
        }
        int close = source.indexOf(quote, p + 1);
        return close < 0 ? -1 : close + 1;
    }

    /** The first of the words that matches here, bounded by {@code \b} on both sides if asked. */
    private int firstOf(int p, String[] words, boolean wordBounded) {
        if (wordBounded && !isWordBoundary(p)) {
            return -1;
        }
        for (String w : words) {
            if (source.startsWith(w, p) && (!wordBounded || isWordBoundary(p + w.length()))) {
                return p + w.length();
            }
        }
        return -1;
    }

    private int url(int p) {
        int q = p;
        while (q < length && source.charAt(q) != ' ' && source.charAt(q) != '\t') {
            q++;
        }
        return q > p ? q : -1;
    }

    /** {@code \b[a-zA-Z0-9][a-zA-Z0-9._-]*\b}: the longest run that ends on a word boundary. */
    private int identifier(int p) {
        if (p >= length || !Text.isAsciiAlnum(source.charAt(p)) || !isWordBoundary(p)) {
            return -1;
        }
        int q = p + 1;
        while (q < length && isIdentifierChar(source.charAt(q))) {
            q++;
        }
        for (; q > p; q--) {
            if (isWordBoundary(q)) {
                return q;
            }
        }
        return -1;
    }

    private static boolean isIdentifierChar(char c) {
        return Text.isAsciiAlnum(c) || c == '.' || c == '_' || c == '-';
    }

    /** {@code \+[a-z0-9]+(...)}: only whether it matches is used. */
    private int localLabel(int p) {
        if (p + 1 >= length || source.charAt(p) != '+') {
            return -1;
        }
        char c = source.charAt(p + 1);
        return (c >= 'a' && c <= 'z') || Text.isAsciiDigit(c) ? p + 2 : -1;
    }

    private int spaceOrTab(int p) {
        int q = p;
        while (q < length && (source.charAt(q) == ' ' || source.charAt(q) == '\t')) {
            q++;
        }
        return q > p ? q : -1;
    }

    /** Python's {@code \b}: a word character on exactly one side (the ends count as non-word). */
    private boolean isWordBoundary(int p) {
        boolean before = p > 0 && isWordChar(Character.codePointBefore(source, p));
        boolean after = p < length && isWordChar(Character.codePointAt(source, p));
        return before != after;
    }

    /** Python's {@code \w} for str patterns: alphanumeric in the sense of str.isalnum(), or '_'. */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return Text.isAsciiAlnum((char) cp) || cp == '_';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
