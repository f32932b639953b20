package dev.axle.resolver.python;

import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the resolver learns which versions of a project exist and what they require: the
 * index client is one source, in-memory scenario data another. Sources leave out what the
 * target cannot install at all (no compatible wheel and no usable sdist); the resolver applies
 * the policies (Requires-Python, yanked, pre-releases). Called from the solver's thread; a
 * source that prefetches does so on its own threads.
 */
public interface PackageSource {

    /** Every candidate of the project, in any order; empty if no index has it. */
    List<Candidate> candidates(ProjectName project) throws IOException;

    /**
     * The candidate's metadata.
     *
     * @throws CandidateUnavailableException if this candidate cannot be used (say why)
     */
    CandidateMetadata metadata(Candidate candidate) throws IOException, CandidateUnavailableException;

    /**
     * The candidate a direct reference names ({@code name @ https://.../name-1.0-py3-none-any.whl}
     * or a local wheel path).
     *
     * @throws CandidateUnavailableException if the reference cannot be used
     */
    Candidate direct(Requirement requirement) throws IOException, CandidateUnavailableException;

    /**
     * Why the source offered no candidate of {@code project} although it has files for it
     * (none for the target's platform or Python, say), for the user; empty if it has nothing to say.
     */
    default Optional<String> whyNone(ProjectName project) {
        return Optional.empty();
    }

    /** A hint: the metadata of these candidates will probably be asked for soon. */
    default void prefetch(List<Candidate> candidates) {}
}
