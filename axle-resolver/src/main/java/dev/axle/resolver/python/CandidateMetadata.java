package dev.axle.resolver.python;

import dev.axle.pep.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the resolver reads from a candidate's core metadata.
 *
 * @param requiresDist   its Requires-Dist, markers included
 * @param providesExtra  its Provides-Extra, normalized (PEP 685); empty when it declares none
 * @param requiresPython its Requires-Python, unparsed
 */
public record CandidateMetadata(List<Requirement> requiresDist, Set<String> providesExtra,
        Optional<String> requiresPython) {

    public CandidateMetadata {
        requiresDist = List.copyOf(requiresDist);
        providesExtra = Set.copyOf(providesExtra);
    }
}
