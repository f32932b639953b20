package dev.axle.resolver.scenarios;

import dev.axle.pep.Version;
import java.util.List;
import java.util.Map;
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
 * @param sequence the runs of a case of several, in order (then {@code scenario} is null)
 */
record PipCase(String id, Optional<String> skipped, PackseScenario scenario, boolean exact, Set<String> notInstalled,
        List<Request> sequence) {
    static PipCase skip(String id, String reason) {
        return new PipCase(id, Optional.of(reason), null, false, Set.of(), List.of());
    }

    static PipCase single(String id, PackseScenario scenario, boolean exact, Set<String> notInstalled) {
        return new PipCase(id, Optional.empty(), scenario, exact, notInstalled, List.of());
    }

    /** A case of several pip runs, each in the environment the ones before it left. */
    static PipCase sequence(String id, List<Request> requests) {
        return new PipCase(id, Optional.empty(), null, true, Set.of(), List.copyOf(requests));
    }

    /**
     * One pip run of a sequence.
     *
     * @param install what to install (its {@code satisfiable}: whether pip succeeds), or empty
     *     for an uninstall
     * @param uninstall the normalized names removed, for an uninstall
     * @param upgrade names whose installed version is not kept ({@code --upgrade}), or
     *     {@code :all:} (an eager upgrade, a reinstall)
     * @param state everything installed after the run, when the case says
     * @param expected versions installed after the run (others may be too)
     * @param notInstalled normalized names not installed after the run
     * @param brokenAfter whether pip installs but then reports that something already installed
     *     no longer has what it requires (its exit code stays 0)
     */
    record Request(Optional<PackseScenario> install, Set<String> uninstall, Set<String> upgrade,
            Optional<Map<String, Version>> state, Map<String, Version> expected, Set<String> notInstalled,
            boolean brokenAfter) {}
}
