package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;
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
     * The typed value of {@code field}: a String, Version, SpecifierSet, LicenseExpression, a
     * List of Strings or Requirements, or a Map of Strings. {@code raw} is null only for a required field that is missing.
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
            case REQUIRES_DIST -> requiresDist((List<String>) raw);
            case REQUIRES_PYTHON -> requiresPython((String) raw);
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
        try {
            ProjectName.canonicalize(value, true);
        } catch (InvalidNameException e) {
            throw invalid(MetadataField.NAME, invalidFor(value, MetadataField.NAME), e);
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
        if (!CONTENT_TYPES.contains(type) || !Text.pyLower(value).contains(type)) {
            throw invalid(field, Text.pyRepr(field.lowerName()) + " must be one of " + CONTENT_TYPE_LIST
                    + ", not " + Text.pyRepr(value));
        }
        Map<String, String> params = header.params();
        String charset = params.getOrDefault("charset", "UTF-8");
        if (!Text.pyLower(charset).equals("utf-8")) {
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
            lowered.add(Text.pyLower(v));
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
            try {
                normalized.add(ProjectName.canonicalize(extra, true));
            } catch (InvalidNameException e) {
                throw invalid(MetadataField.PROVIDES_EXTRA, invalidFor(extra, MetadataField.PROVIDES_EXTRA), e);
            }
        }
        return List.copyOf(normalized);
    }

    private static List<Requirement> requiresDist(List<String> values) {
        List<Requirement> requirements = new ArrayList<>(values.size());
        for (String requirement : values) {
            try {
                requirements.add(Requirement.parse(requirement));
            } catch (InvalidRequirementException e) {
                throw invalid(MetadataField.REQUIRES_DIST, invalidFor(requirement, MetadataField.REQUIRES_DIST), e);
            }
        }
        return List.copyOf(requirements);
    }

    private static SpecifierSet requiresPython(String value) {
        try {
            return SpecifierSet.parse(value);
        } catch (InvalidSpecifierException e) {
            throw invalid(MetadataField.REQUIRES_PYTHON, invalidFor(value, MetadataField.REQUIRES_PYTHON), e);
        }
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
                if (!Text.isIdentifier(identifier)) {
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
}
