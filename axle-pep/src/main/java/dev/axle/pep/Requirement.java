package dev.axle.pep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A dependency specifier (PEP 508): {@code name [extras] (specifier | @ url) ; marker},
 * such as {@code requests[security] >= 2.8.1 ; python_version < "3.8"}.
 *
 * <p>Parsing matches pypa/packaging 26.3's {@code Requirement}, including its error
 * reasons and positions. {@link #toString()} is packaging's {@code str()}; equality, as in
 * packaging, compares normalized names and extras, equivalent specifiers, the URL and the
 * normalized marker.
 */
public final class Requirement {
    private final String name;
    private final SequencedSet<String> extras;
    private final SpecifierSet specifier;
    private final String url;
    private final Marker marker;

    private Requirement(String name, SequencedSet<String> extras, SpecifierSet specifier, String url, Marker marker) {
        this.name = name;
        this.extras = extras;
        this.specifier = specifier;
        this.url = url;
        this.marker = marker;
    }

    /**
     * Parses a dependency specifier.
     *
     * @throws InvalidRequirementException with packaging's reason and position if it is not one
     */
    public static Requirement parse(String requirement) {
        if (requirement == null) {
            throw InvalidRequirementException.syntax("Expected a dependency specifier, got null", "", 0, 0);
        }
        DependencyParser.ParsedRequirement parsed;
        try {
            parsed = DependencyParser.parseRequirement(requirement);
        } catch (DependencySyntaxError e) {
            throw InvalidRequirementException.syntax(e.reason, requirement, e.start, e.end);
        }
        SpecifierSet specifier;
        try {
            specifier = SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            throw InvalidRequirementException.specifier(requirement, e);
        }
        return new Requirement(parsed.name(),
                Collections.unmodifiableSequencedSet(new LinkedHashSet<>(parsed.extras())),
                specifier,
                parsed.url().isEmpty() ? null : parsed.url(),
                parsed.marker() == null ? null : Marker.of(parsed.marker()));
    }

    /** The project name as written; {@link #equals} compares it normalized ({@link ProjectName#canonicalize}). */
    public String name() {
        return name;
    }

    /** The extras as written, without repeats, in the order written. */
    public SequencedSet<String> extras() {
        return extras;
    }

    /** The version specifiers; empty when there are none (always empty with a URL). */
    public SpecifierSet specifier() {
        return specifier;
    }

    /** The URL of a direct reference ({@code name @ url}). */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The environment marker after {@code ;}. */
    public Optional<Marker> marker() {
        return Optional.ofNullable(marker);
    }

    /** This requirement with another marker (none when empty). */
    public Requirement withMarker(Optional<Marker> newMarker) {
        return new Requirement(name, extras, specifier, url, newMarker.orElse(null));
    }

    /** packaging's {@code str()}: extras sorted, specifiers canonical, marker normalized. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name);
        if (!extras.isEmpty()) {
            b.append('[').append(String.join(",", new TreeSet<>(extras))).append(']');
        }
        if (!specifier.isEmpty()) {
            b.append(specifier);
        }
        if (url != null) {
            b.append(" @ ").append(url);
            if (marker != null) {
                b.append(' ');
            }
        }
        if (marker != null) {
            b.append("; ").append(marker);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Requirement r
                && ProjectName.canonicalize(name).equals(ProjectName.canonicalize(r.name))
                && canonicalExtras().equals(r.canonicalExtras())
                && specifier.equals(r.specifier)
                && Objects.equals(url, r.url)
                && Objects.equals(marker, r.marker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ProjectName.canonicalize(name), canonicalExtras(), specifier, url, marker);
    }

    private Set<String> canonicalExtras() {
        List<String> out = new ArrayList<>(extras.size());
        for (String e : extras) {
            out.add(ProjectName.canonicalize(e));
        }
        return Set.copyOf(out);
    }
}
