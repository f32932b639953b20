package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw value of one field into its typed value, or reports why it is invalid, with
 * the rules and messages of pypa/packaging 26.3's {@code metadata._Validator}.
 */
final class MetadataValidator {
    private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    /** In packaging the lists in these messages follow Python's set order, which varies by run. */
    private static final String CONTENT_TYPE_LIST = "['text/plain', 'text/x-rst', 'text/markdown']";
    private static final String VARIANT_LIST = "['GFM', 'CommonMark']";
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private MetadataValidator() {}

    /**
     * The typed value of {@code field}: a String, Version, LicenseExpression, or a List or Map
     * of Strings. {@code raw} is null only for a required field that is missing.
     *
     * @throws InvalidMetadataException with the one problem found
     */
    @SuppressWarnings("unchecked")
    static Object convert(MetadataField field, Object raw) {
        return switch (field) {
            case METADATA_VERSION -> metadataVersion((String) raw);
            case NAME -> name((String) raw);
            case VERSION -> version((String) raw);
            case SUMMARY -> summary((String) raw);
            case DESCRIPTION_CONTENT_TYPE -> descriptionContentType((String) raw);
            case DYNAMIC -> dynamic((List<String>) raw);
            case PROVIDES_EXTRA -> providesExtra((List<String>) raw);
            case LICENSE_EXPRESSION -> licenseExpression((String) raw);
            case LICENSE_FILE -> licenseFiles((List<String>) raw);
            case IMPORT_NAME, IMPORT_NAMESPACE -> importNames(field, (List<String>) raw);
            // TODO: Requires-Dist as Requirement and Requires-Python as SpecifierSet once those land.
            default -> raw;
        };
    }

    private static InvalidMetadataException invalid(MetadataField field, String message) {
        return invalid(field, message, null);
    }

    private static InvalidMetadataException invalid(MetadataField field, String message, RuntimeException cause) {
        return new InvalidMetadataException(new InvalidMetadataException.Problem(field, message, cause));
    }

    private static String invalidFor(String value, MetadataField field) {
        return Text.pyRepr(value) + " is invalid for " + Text.pyRepr(field.lowerName());
    }

    private static String metadataVersion(String value) {
        if (value == null || !MetadataField.METADATA_VERSIONS.contains(value)) {
            throw invalid(MetadataField.METADATA_VERSION, Text.pyRepr(value) + " is not a valid metadata version");
        }
        return value;
    }

    private static String name(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(MetadataField.NAME, "'name' is a required field");
        }
        if (!isValidName(value)) {
            throw invalid(MetadataField.NAME, invalidFor(value, MetadataField.NAME),
                    new IllegalArgumentException("name is invalid: " + Text.pyRepr(value)));
        }
        return value;
    }

    private static Version version(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(MetadataField.VERSION, "'version' is a required field");
        }
        try {
            return Version.parse(value);
        } catch (InvalidVersionException e) {
            throw invalid(MetadataField.VERSION, invalidFor(value, MetadataField.VERSION), e);
        }
    }

    private static String summary(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Text.isLineBoundary(value.charAt(i))) {
                throw invalid(MetadataField.SUMMARY, "'summary' must be a single line");
            }
        }
        return value;
    }

    private static String descriptionContentType(String value) {
        MetadataField field = MetadataField.DESCRIPTION_CONTENT_TYPE;
        String notValid = Text.pyRepr(value) + " is not a valid content type for " + Text.pyRepr(field.lowerName());
        ContentTypeHeader header;
        try {
            header = ContentTypeHeader.parse(value);
        } catch (ContentTypeHeader.Malformed e) {
            throw invalid(field, notValid);
        }
        if (header.firstDefect() != null) {
            throw invalid(field, notValid + ": " + header.firstDefect());
        }
        String type = header.contentType();
        if (!CONTENT_TYPES.contains(type) || !value.toLowerCase(Locale.ROOT).contains(type)) {
            throw invalid(field, Text.pyRepr(field.lowerName()) + " must be one of " + CONTENT_TYPE_LIST
                    + ", not " + Text.pyRepr(value));
        }
        Map<String, String> params = header.params();
        String charset = params.getOrDefault("charset", "UTF-8");
        if (!charset.toLowerCase(Locale.ROOT).equals("utf-8")) {
            throw invalid(field, Text.pyRepr(field.lowerName()) + " can only specify the UTF-8 charset, not "
                    + Text.pyRepr(charset));
        }
        String variant = params.getOrDefault("variant", "GFM");
        if (type.equals("text/markdown") && !variant.equals("GFM") && !variant.equals("CommonMark")) {
            throw invalid(field, "valid Markdown variants for " + Text.pyRepr(field.lowerName()) + " are "
                    + VARIANT_LIST + ", not " + Text.pyRepr(variant));
        }
        return value;
    }

    private static List<String> dynamic(List<String> values) {
        List<String> lowered = new ArrayList<>(values.size());
        for (String v : values) {
            lowered.add(v.toLowerCase(Locale.ROOT));
        }
        for (String name : lowered) {
            if (name.equals("name") || name.equals("version") || name.equals("metadata-version")) {
                throw invalid(MetadataField.DYNAMIC, Text.pyRepr(name) + " is not allowed as a dynamic field");
            }
            if (MetadataField.byName(name).filter(f -> f.lowerName().equals(name)).isEmpty()) {
                throw invalid(MetadataField.DYNAMIC, Text.pyRepr(name) + " is not a valid dynamic field");
            }
        }
        return List.copyOf(lowered);
    }

    private static List<String> providesExtra(List<String> values) {
        List<String> normalized = new ArrayList<>(values.size());
        for (String extra : values) {
            if (!isValidName(extra)) {
                throw invalid(MetadataField.PROVIDES_EXTRA, invalidFor(extra, MetadataField.PROVIDES_EXTRA),
                        new IllegalArgumentException("name is invalid: " + Text.pyRepr(extra)));
            }
            normalized.add(canonicalizeName(extra));
        }
        return List.copyOf(normalized);
    }

    private static LicenseExpression licenseExpression(String value) {
        try {
            return LicenseExpression.parse(value);
        } catch (InvalidLicenseExpressionException e) {
            throw invalid(MetadataField.LICENSE_EXPRESSION, invalidFor(value, MetadataField.LICENSE_EXPRESSION), e);
        }
    }

    private static List<String> licenseFiles(List<String> paths) {
        MetadataField field = MetadataField.LICENSE_FILE;
        for (String path : paths) {
            String problem = null;
            if (path.contains("..")) {
                problem = "parent directory indicators are not allowed";
            } else if (path.contains("*")) {
                problem = "paths must be resolved";
            } else if (path.startsWith("/") || WindowsPath.isAbsolute(path)) {
                problem = "paths must be relative";
            } else if (!WindowsPath.asPosix(path).equals(path)) {
                problem = "paths must use '/' delimiter";
            }
            if (problem != null) {
                throw invalid(field, invalidFor(path, field) + ", " + problem);
            }
        }
        return List.copyOf(paths);
    }

    private static List<String> importNames(MetadataField field, List<String> values) {
        for (String importName : values) {
            int semicolon = importName.indexOf(';');
            String name = Text.rstrip(semicolon < 0 ? importName : importName.substring(0, semicolon));
            for (String identifier : name.split("\\.", -1)) {
                if (!isIdentifier(identifier)) {
                    throw invalid(field, invalidFor(name, field) + "; " + Text.pyRepr(identifier)
                            + " is not a valid identifier");
                }
                if (PYTHON_KEYWORDS.contains(identifier)) {
                    throw invalid(field, invalidFor(name, field) + "; " + Text.pyRepr(identifier) + " is a keyword");
                }
            }
            if (semicolon >= 0 && !Text.lstrip(importName.substring(semicolon + 1)).equals("private")) {
                throw invalid(field, invalidFor(importName, field) + "; the only valid option is 'private'");
            }
        }
        return List.copyOf(values);
    }

    /** Python's {@code str.isidentifier()}: XID_Start or "_", then XID_Continue characters. */
    static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = i == 0 ? cp == '_' || isXidStart(cp) : isXidContinue(cp);
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isXidStart(int cp) {
        return Character.isUnicodeIdentifierStart(cp) && !notXid(cp) && cp != 0x0E33 && cp != 0x0EB3
                && cp != 0xFF9E && cp != 0xFF9F;
    }

    private static boolean isXidContinue(int cp) {
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp) && !notXid(cp);
    }

    /** Characters in ID_Start/ID_Continue that NFKC closure removes from the XID sets. */
    private static boolean notXid(int cp) {
        return cp == 0x037A || cp == 0x309B || cp == 0x309C || (cp >= 0xFC5E && cp <= 0xFC63)
                || cp == 0xFDFA || cp == 0xFDFB
                || (cp >= 0xFE70 && cp <= 0xFE7E && (cp & 1) == 0);
    }

    /** packaging's name rule: ASCII letters and digits, inner {@code . _ -} allowed. */
    static boolean isValidName(String name) {
        int n = name.length();
        if (n == 0 || !Text.isAsciiAlnum(name.charAt(0)) || !Text.isAsciiAlnum(name.charAt(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = name.charAt(i);
            if (!Text.isAsciiAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** PEP 503 normalization of a valid name: lower case, runs of {@code - _ .} to one {@code -}. */
    static String canonicalizeName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (out.length() == 0 || out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
            } else {
                out.append(Text.lower(c));
            }
        }
        return out.toString();
    }
}
