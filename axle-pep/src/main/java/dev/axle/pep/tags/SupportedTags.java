package dev.axle.pep.tags;

import dev.axle.pep.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The tags an interpreter supports, in order of preference, and the choice among
 * distributions that this order makes: a wheel is compatible if it declares any
 * supported tag, and the best wheel has the most preferred one (packaging's
 * {@code create_compatible_tags_selector}).
 */
public final class SupportedTags {
    private final List<Tag> tags;
    private final Map<Tag, Integer> ranks;

    private SupportedTags(List<Tag> tags) {
        this.tags = List.copyOf(tags);
        this.ranks = new HashMap<>();
        for (int i = 0; i < this.tags.size(); i++) {
            ranks.putIfAbsent(this.tags.get(i), i);
        }
    }

    /** Tags in the given order of preference, most preferred first; repeated tags keep their first place. */
    public static SupportedTags of(List<Tag> tags) {
        return new SupportedTags(tags);
    }

    /**
     * What packaging's {@code sys_tags()} yields for an interpreter with this short name,
     * version, ABIs and platform tags: the CPython or generic interpreter-specific tags,
     * then the compatible ones ({@code pyXY-none-<platform>}, {@code cpXY-none-any} or
     * {@code pp3-none-any}, {@code pyXY-none-any}).
     */
    public static SupportedTags of(String interpreterName, PythonVersion pythonVersion, List<String> abis,
            List<String> platforms) {
        Objects.requireNonNull(interpreterName, "interpreterName");
        List<Tag> out = new ArrayList<>();
        String anyInterpreter;
        if (interpreterName.equals("cp")) {
            out.addAll(CompatibilityTags.cpython(pythonVersion, abis, platforms));
            anyInterpreter = "cp" + pythonVersion.nodot();
        } else {
            out.addAll(CompatibilityTags.generic(interpreterName + pythonVersion.nodot(), abis, platforms));
            // PyPy wheels may target every PyPy 3 at once; other implementations get no such tag.
            anyInterpreter = interpreterName.equals("pp") ? "pp3" : null;
        }
        out.addAll(CompatibilityTags.compatible(pythonVersion, anyInterpreter, platforms));
        return new SupportedTags(out);
    }

    /** Every supported tag, most preferred first, as generated (repeats included). */
    public List<Tag> tags() {
        return tags;
    }

    /** The place of {@code tag} in the order of preference (0 is best), if supported. */
    public OptionalInt rank(Tag tag) {
        Integer r = ranks.get(tag);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** The best rank among {@code candidates}, or empty if none is supported. */
    public OptionalInt bestRank(Collection<Tag> candidates) {
        if (candidates.size() > ranks.size()) {
            // A huge compressed tag set: walk the (shorter) supported list instead.
            for (int i = 0; i < tags.size(); i++) {
                if (candidates.contains(tags.get(i))) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }
        int best = Integer.MAX_VALUE;
        for (Tag t : candidates) {
            Integer r = ranks.get(t);
            if (r != null && r < best) {
                best = r;
            }
        }
        return best == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** Whether a distribution declaring {@code candidates} can be installed. */
    public boolean isCompatible(Collection<Tag> candidates) {
        return bestRank(candidates).isPresent();
    }

    /**
     * The compatible things, best first; things whose best tags rank the same keep their
     * given order.
     *
     * @param tagsOf the tags each thing declares, such as a wheel filename's tag set
     */
    public <T> List<T> select(Collection<? extends T> things, Function<? super T, ? extends Collection<Tag>> tagsOf) {
        record Ranked<T>(T thing, int rank) {}
        List<Ranked<T>> ranked = new ArrayList<>();
        for (T thing : things) {
            OptionalInt r = bestRank(tagsOf.apply(thing));
            if (r.isPresent()) {
                ranked.add(new Ranked<>(thing, r.getAsInt()));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank));
        return ranked.stream().map(Ranked::thing).toList();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SupportedTags s && tags.equals(s.tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    @Override
    public String toString() {
        return tags.toString();
    }
}
