package dev.axle.pep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SPDX license expression as core metadata 2.4 (PEP 639) allows it in License-Expression,
 * in the canonical form pypa/packaging's {@code canonicalize_license_expression} gives:
 * identifiers spelled as SPDX lists them, {@code AND}/{@code OR}/{@code WITH} upper-cased,
 * single spaces, parentheses kept.
 *
 * <pre>
 * expression = term (("AND" | "OR") term)*
 * term       = license ["WITH" exception] | "(" expression ")"
 * license    = SPDX-id ["+"] | "LicenseRef-" [A-Za-z0-9.-]+
 * </pre>
 *
 * <p>Operators and identifiers are case-insensitive, as in packaging. Parentheses may nest
 * 200 deep (Python's parser limit, which packaging inherits).
 */
public final class LicenseExpression {
    private static final int MAX_NESTING = 200;
    private static final String LICENSE_REF = "licenseref-";

    private final String canonical;

    private LicenseExpression(String canonical) {
        this.canonical = canonical;
    }

    /**
     * Validates and canonicalizes a license expression.
     *
     * @throws InvalidLicenseExpressionException if it is empty, malformed, or names an
     *     unknown license or exception
     */
    public static LicenseExpression parse(String expression) {
        if (expression == null) {
            throw new InvalidLicenseExpressionException("Invalid license expression: None", "", 0, 0);
        }
        List<int[]> spans = tokenize(expression);
        List<String> tokens = new ArrayList<>(spans.size());
        Map<String, String> refs = new HashMap<>();
        for (int[] span : spans) {
            String token = expression.substring(span[0], span[1]);
            String lower = Text.pyLower(token);
            tokens.add(lower);
            // LicenseRef ids keep the case of their last spelling in the expression.
            if (lower.startsWith(LICENSE_REF)) {
                refs.put(lower, "LicenseRef-" + token.substring(LICENSE_REF.length()));
            }
        }
        checkSyntax(expression, tokens, spans);
        return new LicenseExpression(normalize(expression, tokens, spans, refs));
    }

    /** Tokens as packaging finds them: parentheses, and runs of anything but whitespace and parentheses. */
    private static List<int[]> tokenize(String s) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while ((i = Text.skipSpace(s, i, n)) < n) {
            int start = i;
            char c = s.charAt(i);
            if (c == '(' || c == ')') {
                i++;
            } else {
                while (i < n && !Text.isSpace(s.charAt(i)) && s.charAt(i) != '(' && s.charAt(i) != ')') {
                    i++;
                }
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }

    private static boolean isOperator(String t) {
        return t.equals("or") || t.equals("and") || t.equals("with") || t.equals("(") || t.equals(")");
    }

    /** Operands joined by AND, OR or WITH, with balanced, non-empty parentheses. */
    private static void checkSyntax(String expression, List<String> tokens, List<int[]> spans) {
        boolean expectOperand = true;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            boolean ok;
            if (expectOperand) {
                if (t.equals("(")) {
                    ok = ++depth <= MAX_NESTING;
                } else {
                    ok = !isOperator(t);
                    expectOperand = !ok;
                }
            } else if (t.equals(")")) {
                ok = depth-- > 0;
            } else {
                ok = t.equals("or") || t.equals("and") || t.equals("with");
                expectOperand = true;
            }
            if (!ok) {
                throw invalid(expression, spans.get(i)[0], spans.get(i)[1]);
            }
        }
        if (expectOperand || depth != 0) {
            throw invalid(expression, expression.length(), expression.length());
        }
    }

    private static String normalize(String expression, List<String> tokens, List<int[]> spans,
            Map<String, String> refs) {
        StringBuilder out = new StringBuilder(expression.length());
        boolean afterLicense = false;
        boolean afterWith = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            String normalized;
            if (isOperator(token)) {
                if (token.equals("with") && (!afterLicense || i + 1 == tokens.size() || isOperator(tokens.get(i + 1)))) {
                    throw invalid(expression, start, end);
                }
                normalized = token.toUpperCase(Locale.ROOT);
                afterWith = token.equals("with");
                afterLicense = false;
            } else if (afterWith) {
                normalized = SpdxIdentifiers.EXCEPTIONS.get(token);
                if (normalized == null) {
                    throw new InvalidLicenseExpressionException(
                            "Unknown license exception: " + Text.pyRepr(token), expression, start, end);
                }
                afterWith = false;
                afterLicense = false;
            } else {
                boolean plus = token.endsWith("+");
                String id = plus ? token.substring(0, token.length() - 1) : token;
                if (id.startsWith(LICENSE_REF)) {
                    if (plus || !isLicenseRefId(id.substring(LICENSE_REF.length()))) {
                        throw new InvalidLicenseExpressionException(
                                "Invalid licenseref: " + Text.pyRepr(token), expression, start, end);
                    }
                    normalized = refs.get(id);
                } else {
                    String spdx = SpdxIdentifiers.LICENSES.get(id);
                    if (spdx == null) {
                        throw new InvalidLicenseExpressionException(
                                "Unknown license: " + Text.pyRepr(id), expression, start, end);
                    }
                    normalized = plus ? spdx + "+" : spdx;
                }
                afterLicense = true;
            }
            boolean tight = token.equals(")") || (out.length() > 0 && out.charAt(out.length() - 1) == '(');
            if (out.length() > 0 && !tight) {
                out.append(' ');
            }
            out.append(normalized);
        }
        return out.toString();
    }

    private static boolean isLicenseRefId(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Text.isAsciiAlnum(c) && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static InvalidLicenseExpressionException invalid(String expression, int start, int end) {
        return new InvalidLicenseExpressionException(
                "Invalid license expression: " + Text.pyRepr(expression), expression, start, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LicenseExpression e && canonical.equals(e.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The canonical form, e.g. {@code MIT AND (Apache-2.0 OR BSD-2-Clause)}. */
    @Override
    public String toString() {
        return canonical;
    }
}
