package dev.axle.installer;

import dev.axle.env.PythonInterpreter;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.pep.InvalidSpecifierException;
import dev.axle.pep.MetadataField;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.tags.SupportedTags;
import java.util.Optional;

/** Whether a wheel may be installed for an interpreter: its tags and its Requires-Python. */
final class Compatibility {
    private Compatibility() {}

    static void check(UnpackedWheel wheel, PythonInterpreter python, SupportedTags tags) {
        if (!tags.isCompatible(wheel.filename().tags())) {
            throw new InstallException(wheel.filename() + " is not a supported wheel for " + describe(python)
                    + ": it is built for " + wheel.filename().tags().toSortedString()
                    + "; use a wheel built for this interpreter and platform");
        }
        Optional<String> requiresPython = wheel.rawMetadata().string(MetadataField.REQUIRES_PYTHON);
        if (requiresPython.isPresent()) {
            SpecifierSet specifiers;
            try {
                specifiers = SpecifierSet.parse(requiresPython.get());
            } catch (InvalidSpecifierException e) {
                // pip ignores an invalid Requires-Python too, rather than refuse the wheel.
                return;
            }
            if (!specifiers.contains(python.version(), true)) {
                throw new InstallException(wheel.displayName() + " " + wheel.version() + " requires Python "
                        + requiresPython.get().strip() + ", but " + describe(python) + " is Python "
                        + python.version() + "; use an interpreter it supports (--python)");
            }
        }
    }

    static String describe(PythonInterpreter python) {
        return python.executable().toString();
    }
}
