package dev.axle.resolver.pubgrub;

import java.util.Map;
import java.util.Objects;

/**
 * What a provider answers for one version of a package: the version sets it requires of other
 * packages, or the reason the version cannot be used at all (no metadata, no usable file...).
 */
public sealed interface Dependencies<P, S> {

    /** Each required package with the versions it must have; a package appears once. */
    record Available<P, S>(Map<P, S> requirements) implements Dependencies<P, S> {
        public Available {
            requirements = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requirements));
        }
    }

    /** The version cannot be selected; {@code reason} completes "cannot be used because ...". */
    record Unavailable<P, S>(String reason) implements Dependencies<P, S> {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <P, S> Dependencies<P, S> of(Map<P, S> requirements) {
        return new Available<>(requirements);
    }

    static <P, S> Dependencies<P, S> unavailable(String reason) {
        return new Unavailable<>(reason);
    }
}
