package dev.axle.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The filtering loops shared by {@link Specifier} and {@link SpecifierSet}, with PEP 440's pre-release rules. */
final class Candidates {
    private Candidates() {}

    /** An item being filtered: its version string as given (if any) and its parsed version (if valid). */
    static final class Candidate {
        private final String text;
        private final Version version;

        private Candidate(String text, Version version) {
            this.text = text;
            this.version = version;
        }

        /** The string {@code ===} compares: as given, or the normalized version. */
        String text() {
            return text != null ? text : version.toString();
        }

        Version version() {
            return version;
        }
    }

    static Candidate of(Version v) {
        return new Candidate(null, v);
    }

    static Candidate of(String s) {
        return new Candidate(s == null ? "None" : s, Version.parseOrNull(s));
    }

    /**
     * Filters {@code items}. On the version path (no {@code ===}), unparsable items never
     * match; on the string path ({@code ===} involved, or no specifiers at all), matching is
     * done by {@code match} alone and the pre-release policy treats unparsable strings as
     * finals that cannot be judged.
     */
    static <T> List<T> filter(Iterable<T> items, Function<? super T, Candidate> candidate,
            Predicate<Candidate> match, boolean stringPath, Boolean prereleases) {
        return stringPath
                ? stringPath(items, candidate, match, prereleases)
                : versionPath(items, candidate, match, prereleases);
    }

    private static <T> List<T> versionPath(Iterable<T> items, Function<? super T, Candidate> candidate,
            Predicate<Candidate> match, Boolean prereleases) {
        List<T> out = new ArrayList<>();
        if (prereleases == null) {
            List<T> buffered = new ArrayList<>();
            boolean foundFinal = false;
            for (T item : items) {
                Candidate c = candidate.apply(item);
                if (c.version == null || !match.test(c)) {
                    continue;
                }
                if (!c.version.isPrerelease()) {
                    foundFinal = true;
                    out.add(item);
                } else if (!foundFinal) {
                    buffered.add(item);
                }
            }
            return foundFinal ? out : buffered;
        }
        boolean excludePre = !prereleases;
        for (T item : items) {
            Candidate c = candidate.apply(item);
            if (c.version == null || (excludePre && c.version.isPrerelease())) {
                continue;
            }
            if (match.test(c)) {
                out.add(item);
            }
        }
        return out;
    }

    private static <T> List<T> stringPath(Iterable<T> items, Function<? super T, Candidate> candidate,
            Predicate<Candidate> match, Boolean prereleases) {
        List<T> out = new ArrayList<>();
        if (prereleases == null) {
            // Pre-releases only if no final release matches; strings that are no version
            // are kept (they cannot be judged), after any finals found before them.
            List<T> nonFinal = new ArrayList<>();
            List<T> arbitrary = new ArrayList<>();
            boolean foundFinal = false;
            for (T item : items) {
                Candidate c = candidate.apply(item);
                if (!match.test(c)) {
                    continue;
                }
                if (c.version == null) {
                    if (foundFinal) {
                        out.add(item);
                    } else {
                        arbitrary.add(item);
                        nonFinal.add(item);
                    }
                } else if (!c.version.isPrerelease()) {
                    if (!foundFinal) {
                        out.addAll(arbitrary);
                        foundFinal = true;
                    }
                    out.add(item);
                } else if (!foundFinal) {
                    nonFinal.add(item);
                }
            }
            return foundFinal ? out : nonFinal;
        }
        for (T item : items) {
            Candidate c = candidate.apply(item);
            if (match.test(c) && (prereleases || c.version == null || !c.version.isPrerelease())) {
                out.add(item);
            }
        }
        return out;
    }
}
