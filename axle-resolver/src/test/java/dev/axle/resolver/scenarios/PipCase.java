package dev.axle.resolver.scenarios;

import java.util.Optional;
import java.util.Set;

/**
 * One of pip's resolver test cases, mapped onto the in-memory index model the packse runner
 * uses ({@link PackseScenario}): what is available, what the user asks for and with which
 * options, and what pip installs.
 *
 * @param id the case's name ({@code simple-2}, {@code test_new_resolver_can_install})
 * @param skipped why the case cannot be run by the solver alone, or empty when it can
 * @param scenario available packages, the request and the expected outcome; its
 *     {@code expected} versions are the ones that must be installed
 * @param exact whether nothing but the expected packages may be installed (pip's YAML cases
 *     list the whole final state; its functional tests assert single packages)
 * @param notInstalled normalized names that must not be installed
 */
record PipCase(String id, Optional<String> skipped, PackseScenario scenario, boolean exact, Set<String> notInstalled) {
    static PipCase skip(String id, String reason) {
        return new PipCase(id, Optional.of(reason), null, false, Set.of());
    }
}
