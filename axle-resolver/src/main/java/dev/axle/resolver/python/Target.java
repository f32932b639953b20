package dev.axle.resolver.python;

import dev.axle.pep.InvalidSpecifierException;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * The interpreter a resolution is for: its marker environment (PEP 508) and its full Python
 * version, which Requires-Python is checked against.
 */
public record Target(MarkerEnvironment markers, Version python) {
    public Target {
        Objects.requireNonNull(markers, "markers");
        Objects.requireNonNull(python, "python");
    }

    /**
     * Whether this target's Python satisfies a Requires-Python. One that does not parse is
     * ignored, as pip does: indexes serve such values, and refusing them would hide releases.
     */
    public boolean allows(Optional<String> requiresPython) {
        if (requiresPython.isEmpty() || requiresPython.get().isBlank()) {
            return true;
        }
        try {
            return SpecifierSet.parse(requiresPython.get()).contains(python, true);
        } catch (InvalidSpecifierException e) {
            return true;
        }
    }

    /** The target of a marker environment, its Python version read from {@code python_full_version}. */
    public static Target of(MarkerEnvironment markers) {
        String full = markers.value("python_full_version")
                .orElseThrow(() -> new IllegalArgumentException("the marker environment has no python_full_version"));
        return new Target(markers, Version.parse(full));
    }
}
