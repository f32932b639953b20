package dev.axle.index;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a file is yanked (PEP 592), and why if the index said so. Installers skip yanked
 * files unless a requirement pins their exact version.
 */
public record Yanked(boolean yanked, Optional<String> reason) {
    /** A file that is not yanked. */
    public static final Yanked NO = new Yanked(false, Optional.empty());

    public Yanked {
        Objects.requireNonNull(reason, "reason");
        if (!yanked && reason.isPresent()) {
            throw new IllegalArgumentException("a file that is not yanked has no yank reason");
        }
    }

    /** Yanked, with {@code reason} unless it is null or empty. */
    public static Yanked because(String reason) {
        return new Yanked(true, Optional.ofNullable(reason).filter(r -> !r.isEmpty()));
    }

    @Override
    public String toString() {
        return !yanked ? "not yanked" : reason.map(r -> "yanked (" + r + ")").orElse("yanked");
    }
}
