package dev.axle.mirror.filter;

import dev.axle.pep.ProjectName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which projects are mirrored, by normalized name (PEP 503). A name that a deny list or deny
 * pattern matches is left out; otherwise, when there is an allow list, an allow pattern or a
 * set of required projects (those a requirements resolution needs), the name must be in one of
 * them; when there is none, every project is taken. Patterns are Java regular expressions
 * matched against the whole normalized name ({@code django-.*}).
 */
public final class ProjectFilter {
    private final Set<String> allow;
    private final Set<String> deny;
    private final List<Pattern> allowPatterns;
    private final List<Pattern> denyPatterns;
    private final Set<String> required;

    private ProjectFilter(Set<String> allow, Set<String> deny, List<Pattern> allowPatterns, List<Pattern> denyPatterns,
            Set<String> required) {
        this.allow = allow;
        this.deny = deny;
        this.allowPatterns = allowPatterns;
        this.denyPatterns = denyPatterns;
        this.required = required;
    }

    /** Every project. */
    public static final ProjectFilter ALL = new ProjectFilter(Set.of(), Set.of(), List.of(), List.of(), Set.of());

    /**
     * @param allow      project names (any spelling; normalized here)
     * @param deny       project names
     * @param allowRegex regular expressions on normalized names
     * @param denyRegex  regular expressions on normalized names
     * @param required   project names a resolution needs: allowed like {@code allow}
     * @throws InvalidFilterException for a name that is no valid project name, or a bad expression
     */
    public static ProjectFilter of(Collection<String> allow, Collection<String> deny, Collection<String> allowRegex,
            Collection<String> denyRegex, Collection<String> required) {
        return new ProjectFilter(names(allow, "--allow"), names(deny, "--deny"), patterns(allowRegex, "--allow-regex"),
                patterns(denyRegex, "--deny-regex"), names(required, "requirements"));
    }

    private static Set<String> names(Collection<String> names, String option) {
        TreeSet<String> normalized = new TreeSet<>();
        for (String name : names) {
            if (!ProjectName.isValid(name)) {
                throw new InvalidFilterException(option + " '" + name + "' is no valid project name (PEP 508: letters,"
                        + " digits, '.', '_' and '-', starting and ending with a letter or digit)");
            }
            normalized.add(ProjectName.canonicalize(name));
        }
        return Set.copyOf(normalized);
    }

    private static List<Pattern> patterns(Collection<String> expressions, String option) {
        List<Pattern> patterns = new ArrayList<>();
        for (String expression : expressions) {
            try {
                patterns.add(Pattern.compile(expression));
            } catch (PatternSyntaxException e) {
                throw new InvalidFilterException(option + " '" + expression + "' is no regular expression: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                        + "; write a Java regular expression matching whole normalized names, such as 'django-.*'", e);
            }
        }
        return List.copyOf(patterns);
    }

    /** Whether the project named {@code normalizedName} is mirrored. */
    public boolean accepts(String normalizedName) {
        if (deny.contains(normalizedName) || denyPatterns.stream().anyMatch(p -> p.matcher(normalizedName).matches())) {
            return false;
        }
        if (allow.isEmpty() && allowPatterns.isEmpty() && required.isEmpty()) {
            return true;
        }
        return allow.contains(normalizedName) || required.contains(normalizedName)
                || allowPatterns.stream().anyMatch(p -> p.matcher(normalizedName).matches());
    }

    /** Whether {@code --allow} or {@code --allow-regex} names the project (not only a resolution). */
    public boolean explicitlyAllows(String normalizedName) {
        return allow.contains(normalizedName) || allowPatterns.stream().anyMatch(p -> p.matcher(normalizedName).matches());
    }

    @Override
    public String toString() {
        return "projects[allow=" + new TreeSet<>(allow) + ",deny=" + new TreeSet<>(deny) + ",allow-regex="
                + allowPatterns + ",deny-regex=" + denyPatterns + ",required=" + new TreeSet<>(required) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectFilter other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
