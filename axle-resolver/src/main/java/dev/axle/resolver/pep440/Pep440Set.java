package dev.axle.resolver.pep440;

import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import dev.axle.pep.VersionRanges;
import dev.axle.resolver.pubgrub.TermFormatter;
import dev.axle.resolver.pubgrub.VersionSet;
import dev.axle.resolver.pubgrub.VersionSets;
import java.util.Objects;

/**
 * PEP 440 version sets for the PubGrub solver: axle-pep's {@link VersionRanges} (exact PEP 440
 * semantics, no pre-release policy: that is the provider's, which leaves out the versions it
 * does not want chosen).
 */
public record Pep440Set(VersionRanges ranges) implements VersionSet<Version, Pep440Set> {
    public static final Pep440Set ALL = new Pep440Set(VersionRanges.ALL);

    /** Full set, singletons: what the solver makes on its own. */
    public static final VersionSets<Version, Pep440Set> SETS = new VersionSets<>() {
        @Override
        public Pep440Set full() {
            return ALL;
        }

        @Override
        public Pep440Set singleton(Version version) {
            return new Pep440Set(VersionRanges.exactly(version));
        }
    };

    /**
     * Writes terms as requirements are written: {@code numpy>=1.26, <2}, {@code six==1.16.0},
     * several ranges in parentheses: {@code b (==1.0 | >=2)}.
     */
    public static <P> TermFormatter<P, Pep440Set> formatter() {
        return new TermFormatter<>() {
            @Override
            public String name(P pkg) {
                return pkg.toString();
            }

            @Override
            public String versions(P pkg, Pep440Set versions) {
                String set = versions.toString();
                return set.contains(" | ") ? pkg + " (" + set + ")" : pkg + set;
            }
        };
    }

    public Pep440Set {
        Objects.requireNonNull(ranges, "ranges");
    }

    /** The versions a specifier set admits. */
    public static Pep440Set of(SpecifierSet specifiers) {
        return new Pep440Set(VersionRanges.of(specifiers));
    }

    @Override
    public Pep440Set intersect(Pep440Set other) {
        return new Pep440Set(ranges.intersect(other.ranges));
    }

    @Override
    public Pep440Set union(Pep440Set other) {
        return new Pep440Set(ranges.union(other.ranges));
    }

    @Override
    public Pep440Set complement() {
        return new Pep440Set(ranges.complement());
    }

    @Override
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public boolean contains(Version version) {
        return ranges.contains(version);
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
