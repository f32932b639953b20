package dev.axle.resolver.requirements;

import dev.axle.pep.Marker;
import dev.axle.pep.Requirement;
import dev.axle.pep.SpecifierSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.TreeSet;

/**
 * One requirement line of a requirements or constraints file.
 *
 * @param name the project name: as written, or from a wheel's file name or a URL's
 *     {@code #egg=}; empty for a bare project folder or archive until its metadata is built
 * @param extras the extras asked for, as written
 * @param specifier the version specifiers; empty for a direct reference
 * @param reference where the distribution is, for {@code name @ url}, bare URLs and paths
 * @param marker the environment marker after {@code ;}
 * @param hashes the {@code --hash} values, in order (a URL's fragment hash is {@link DirectReference#hash()})
 * @param editable written with {@code -e}/{@code --editable}
 * @param constraint read from a constraints file ({@code -c}): limits versions, asks for nothing
 * @param origin the file and line it came from
 */
public record RequirementEntry(
        Optional<String> name,
        SequencedSet<String> extras,
        SpecifierSet specifier,
        Optional<DirectReference> reference,
        Optional<Marker> marker,
        List<Hash> hashes,
        boolean editable,
        boolean constraint,
        Origin origin) {

    public RequirementEntry {
        extras = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(extras));
        hashes = List.copyOf(hashes);
    }

    /**
     * The entry as a PEP 508 dependency specifier, when it has a name: {@code name[extras]
     * specifiers ; marker}, or {@code name[extras] @ url ; marker} for a direct reference
     * (a path becomes its {@code file:} URL). Without a name there is none until the
     * project's metadata is known.
     */
    public Optional<Requirement> requirement() {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(name.get());
        if (!extras.isEmpty()) {
            b.append('[').append(String.join(",", extras)).append(']');
        }
        b.append(specifier);
        reference.ifPresent(r -> b.append(" @ ").append(r.url()).append(' '));
        marker.ifPresent(m -> b.append(" ; ").append(m));
        return Optional.of(Requirement.parse(b.toString()));
    }

    /** The requirement in the requirements file syntax, options after it; for messages. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(editable ? "-e " : "");
        if (name.isPresent() && (reference.isEmpty() || reference.get().path().isEmpty())) {
            b.append(name.get());
            if (!extras.isEmpty()) {
                b.append('[').append(String.join(",", new TreeSet<>(extras))).append(']');
            }
            b.append(specifier);
            reference.ifPresent(r -> b.append(" @ ").append(r.url()));
        } else {
            b.append(reference.orElseThrow());
            if (!extras.isEmpty()) {
                b.append('[').append(String.join(",", new TreeSet<>(extras))).append(']');
            }
        }
        marker.ifPresent(m -> b.append(" ; ").append(m));
        hashes.forEach(h -> b.append(" --hash=").append(h));
        return b.toString();
    }
}
