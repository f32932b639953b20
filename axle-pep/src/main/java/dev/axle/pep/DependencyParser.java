package dev.axle.pep;

import static dev.axle.pep.DependencyTokenizer.Kind.AT;
import static dev.axle.pep.DependencyTokenizer.Kind.BOOLOP;
import static dev.axle.pep.DependencyTokenizer.Kind.COMMA;
import static dev.axle.pep.DependencyTokenizer.Kind.END;
import static dev.axle.pep.DependencyTokenizer.Kind.IDENTIFIER;
import static dev.axle.pep.DependencyTokenizer.Kind.IN;
import static dev.axle.pep.DependencyTokenizer.Kind.LEFT_BRACKET;
import static dev.axle.pep.DependencyTokenizer.Kind.LEFT_PARENTHESIS;
import static dev.axle.pep.DependencyTokenizer.Kind.NOT;
import static dev.axle.pep.DependencyTokenizer.Kind.OP;
import static dev.axle.pep.DependencyTokenizer.Kind.QUOTED_STRING;
import static dev.axle.pep.DependencyTokenizer.Kind.RIGHT_BRACKET;
import static dev.axle.pep.DependencyTokenizer.Kind.RIGHT_PARENTHESIS;
import static dev.axle.pep.DependencyTokenizer.Kind.SEMICOLON;
import static dev.axle.pep.DependencyTokenizer.Kind.SPECIFIER;
import static dev.axle.pep.DependencyTokenizer.Kind.URL;
import static dev.axle.pep.DependencyTokenizer.Kind.VARIABLE;
import static dev.axle.pep.DependencyTokenizer.Kind.VERSION_LOCAL_LABEL_TRAIL;
import static dev.axle.pep.DependencyTokenizer.Kind.VERSION_PREFIX_TRAIL;
import static dev.axle.pep.DependencyTokenizer.Kind.WS;

import dev.axle.pep.DependencyTokenizer.Token;
import dev.axle.pep.MarkerNode.Bool;
import dev.axle.pep.MarkerNode.Group;
import dev.axle.pep.MarkerNode.Item;
import dev.axle.pep.MarkerNode.Operand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The dependency specifier (PEP 508) parser, following pypa/packaging's {@code _parser.py}
 * step for step so that errors are reported with the same reason at the same position.
 * Each method states the grammar it reads.
 */
final class DependencyParser {

    /** A requirement's parts as written; {@code specifier} is the raw specifier text. */
    record ParsedRequirement(String name, String url, List<String> extras, String specifier, Group marker) {}

    private final DependencyTokenizer tokenizer;

    private DependencyParser(String source) {
        this.tokenizer = new DependencyTokenizer(source);
    }

    /** {@code requirement = WS? IDENTIFIER WS? extras WS? requirement_details END} */
    static ParsedRequirement parseRequirement(String source) {
        return new DependencyParser(source).requirement();
    }

    /** {@code full_marker = marker END} */
    static Group parseMarker(String source) {
        DependencyParser p = new DependencyParser(source);
        Group marker = p.marker();
        p.tokenizer.expect(END, "end of marker expression");
        return marker;
    }

    private ParsedRequirement requirement() {
        tokenizer.consume(WS);
        String name = tokenizer.expect(IDENTIFIER, "package name at the start of dependency specifier").text();
        tokenizer.consume(WS);
        List<String> extras = extras();
        tokenizer.consume(WS);
        ParsedRequirement parsed = details(name, extras);
        tokenizer.expect(END, "end of dependency specifier");
        return parsed;
    }

    /**
     * <pre>
     * requirement_details = AT URL (WS requirement_marker?)?
     *                     | specifier WS? requirement_marker?
     * </pre>
     */
    private ParsedRequirement details(String name, List<String> extras) {
        if (tokenizer.check(AT)) {
            tokenizer.read();
            tokenizer.consume(WS);
            int urlStart = tokenizer.position();
            String url = tokenizer.expect(URL, "URL after @").text();
            if (tokenizer.peek(END)) {
                return new ParsedRequirement(name, url, extras, "", null);
            }
            tokenizer.expect(WS, "whitespace after URL");
            if (tokenizer.peek(END)) {
                return new ParsedRequirement(name, url, extras, "", null);
            }
            Group marker = requirementMarker(urlStart, "semicolon (after URL and whitespace)");
            return new ParsedRequirement(name, url, extras, "", marker);
        }
        int specifierStart = tokenizer.position();
        String specifier = specifier();
        tokenizer.consume(WS);
        if (tokenizer.peek(END)) {
            return new ParsedRequirement(name, "", extras, specifier, null);
        }
        Group marker = requirementMarker(specifierStart, specifier.isEmpty()
                ? "semicolon (after name with no version specifier)"
                : "comma (within version specifier), semicolon (after version specifier)");
        return new ParsedRequirement(name, "", extras, specifier, marker);
    }

    /** {@code requirement_marker = SEMICOLON marker WS?} */
    private Group requirementMarker(int spanStart, String expected) {
        if (!tokenizer.check(SEMICOLON)) {
            throw tokenizer.error("Expected " + expected + " or end", spanStart);
        }
        tokenizer.read();
        Group marker = marker();
        tokenizer.consume(WS);
        return marker;
    }

    /** {@code extras = (LEFT_BRACKET WS? extras_list? WS? RIGHT_BRACKET)?} */
    private List<String> extras() {
        if (!tokenizer.check(LEFT_BRACKET)) {
            return List.of();
        }
        int open = tokenizer.position();
        tokenizer.read();
        tokenizer.consume(WS);
        List<String> extras = extrasList();
        tokenizer.consume(WS);
        close(RIGHT_BRACKET, open, "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras");
        return extras;
    }

    /** {@code extras_list = IDENTIFIER (WS? COMMA WS? IDENTIFIER)*} */
    private List<String> extrasList() {
        List<String> extras = new ArrayList<>();
        if (!tokenizer.check(IDENTIFIER)) {
            return extras;
        }
        extras.add(tokenizer.read().text());
        while (true) {
            tokenizer.consume(WS);
            if (tokenizer.peek(IDENTIFIER)) {
                throw tokenizer.error("Expected comma between extra names");
            }
            if (!tokenizer.check(COMMA)) {
                break;
            }
            tokenizer.read();
            tokenizer.consume(WS);
            extras.add(tokenizer.expect(IDENTIFIER, "extra name after comma").text());
        }
        return extras;
    }

    /**
     * <pre>
     * specifier = LEFT_PARENTHESIS WS? version_many WS? RIGHT_PARENTHESIS
     *           | WS? version_many WS?
     * </pre>
     */
    private String specifier() {
        int open = -1;
        if (tokenizer.check(LEFT_PARENTHESIS)) {
            open = tokenizer.position();
            tokenizer.read();
        }
        tokenizer.consume(WS);
        String specifiers = versionMany();
        tokenizer.consume(WS);
        if (open >= 0) {
            close(RIGHT_PARENTHESIS, open, "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier");
        }
        return specifiers;
    }

    /** {@code version_many = (SPECIFIER (WS? COMMA WS? SPECIFIER)*)?}, a trailing comma allowed. */
    private String versionMany() {
        StringBuilder specifiers = new StringBuilder();
        while (tokenizer.check(SPECIFIER)) {
            int spanStart = tokenizer.position();
            String specifier = tokenizer.read().text();
            specifiers.append(specifier);
            if (tokenizer.peek(VERSION_PREFIX_TRAIL)) {
                boolean equality = specifier.startsWith("!=")
                        || (specifier.startsWith("==") && !specifier.startsWith("==="));
                throw new DependencySyntaxError(equality
                        ? ".* suffix cannot be used with pre-release, post-release, dev or local versions"
                        : ".* suffix can only be used with `==` or `!=` operators",
                        spanStart, tokenizer.position() + 1);
            }
            if (tokenizer.peek(VERSION_LOCAL_LABEL_TRAIL)) {
                throw tokenizer.error("Local version label can only be used with `==` or `!=` operators", spanStart);
            }
            tokenizer.consume(WS);
            if (!tokenizer.check(COMMA)) {
                break;
            }
            specifiers.append(tokenizer.read().text());
            tokenizer.consume(WS);
        }
        return specifiers.toString();
    }

    private void close(DependencyTokenizer.Kind closing, int openPosition, String reason) {
        if (!tokenizer.check(closing)) {
            throw tokenizer.error(reason, openPosition);
        }
        tokenizer.read();
    }

    /** An open parenthesis of a marker and the elements read inside it so far. */
    private record Frame(List<MarkerNode> elements, int openPosition) {}

    /**
     * <pre>
     * marker      = marker_atom (BOOLOP marker_atom)*
     * marker_atom = WS? LEFT_PARENTHESIS WS? marker WS? RIGHT_PARENTHESIS WS?
     *             | WS? marker_item WS?
     * </pre>
     * Read with an explicit stack of open parentheses instead of recursion, so nesting depth
     * is limited by memory only.
     */
    private Group marker() {
        Deque<Frame> open = new ArrayDeque<>();
        Frame current = new Frame(new ArrayList<>(), -1);
        while (true) {
            // At the start of an atom: open as many groups as there are parentheses.
            tokenizer.consume(WS);
            while (tokenizer.check(LEFT_PARENTHESIS)) {
                open.push(current);
                current = new Frame(new ArrayList<>(), tokenizer.position());
                tokenizer.read();
                tokenizer.consume(WS);
            }
            current.elements.add(item());
            // After an atom: continue the group, or close it and continue the enclosing one.
            while (true) {
                tokenizer.consume(WS);
                if (tokenizer.check(BOOLOP)) {
                    current.elements.add(tokenizer.read().text().equals("and") ? Bool.AND : Bool.OR);
                    break;
                }
                if (current.openPosition < 0) {
                    return new Group(current.elements);
                }
                tokenizer.consume(WS);
                close(RIGHT_PARENTHESIS, current.openPosition,
                        "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression");
                Group closed = new Group(current.elements);
                current = open.pop();
                current.elements.add(closed);
            }
        }
    }

    /** {@code marker_item = WS? marker_var WS? marker_op WS? marker_var WS?} */
    private Item item() {
        tokenizer.consume(WS);
        Operand lhs = variableOrString();
        tokenizer.consume(WS);
        String op = operator();
        tokenizer.consume(WS);
        Operand rhs = variableOrString();
        tokenizer.consume(WS);
        return normalizeExtras(lhs, op, rhs);
    }

    /** {@code marker_var = VARIABLE | QUOTED_STRING}, legacy dotted names read as PEP 508 ones. */
    private Operand variableOrString() {
        if (tokenizer.check(VARIABLE)) {
            String name = tokenizer.read().text().replace('.', '_');
            if (name.equals("python_implementation")) {
                name = "platform_python_implementation";
            }
            return new Operand(true, name);
        }
        if (tokenizer.check(QUOTED_STRING)) {
            Token token = tokenizer.read();
            String value = QuotedString.value(token.text());
            if (value == null) {
                throw new DependencySyntaxError("Invalid quoted string", token.position(),
                        token.position() + token.text().length());
            }
            return new Operand(false, value);
        }
        throw tokenizer.error("Expected a marker variable or quoted string");
    }

    /** {@code marker_op = IN | NOT WS IN | OP} */
    private String operator() {
        if (tokenizer.check(IN)) {
            tokenizer.read();
            return "in";
        }
        if (tokenizer.check(NOT)) {
            tokenizer.read();
            tokenizer.expect(WS, "whitespace after 'not'");
            tokenizer.expect(IN, "'in' after 'not'");
            return "not in";
        }
        if (tokenizer.check(OP)) {
            return tokenizer.read().text();
        }
        throw tokenizer.error("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
    }

    /**
     * PEP 685 / PEP 735: a string compared with {@code extra}, or tested for membership in
     * {@code extras} / {@code dependency_groups}, is a name and is kept normalized.
     */
    private static Item normalizeExtras(Operand lhs, String op, Operand rhs) {
        if (lhs.isVariable() && lhs.value().equals("extra") && !rhs.isVariable()) {
            rhs = new Operand(false, ProjectName.canonicalize(rhs.value()));
        } else if (rhs.isVariable() && !lhs.isVariable() && (rhs.value().equals("extra")
                || rhs.value().equals("extras") || rhs.value().equals("dependency_groups"))) {
            lhs = new Operand(false, ProjectName.canonicalize(lhs.value()));
        }
        return new Item(lhs, op, rhs);
    }
}
