package dev.axle.resolver.scenarios.resolvelib;

import dev.axle.resolver.pubgrub.VersionSet;
import dev.axle.resolver.pubgrub.VersionSets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of versions named by strings, with no order: a finite set, or the complement of one.
 * That is closed under the solver's algebra, and enough for an ecosystem whose requirements can
 * be evaluated against the finite list of versions an index has (resolvelib's Swift harness
 * matches versions with its own rule, not by ranges). Versions are interned to bit positions.
 *
 * @param members the versions listed
 * @param cofinite whether the set is every version except {@code members}
 */
record FiniteVersionSet(BitSet members, boolean cofinite) implements VersionSet<String, FiniteVersionSet> {
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    static final VersionSets<String, FiniteVersionSet> SETS = new VersionSets<>() {
        @Override
        public FiniteVersionSet full() {
            return new FiniteVersionSet(new BitSet(), true);
        }

        @Override
        public FiniteVersionSet singleton(String version) {
            return of(List.of(version));
        }
    };

    FiniteVersionSet {
        members = (BitSet) members.clone();
    }

    static FiniteVersionSet of(Iterable<String> versions) {
        BitSet bits = new BitSet();
        for (String v : versions) {
            bits.set(id(v));
        }
        return new FiniteVersionSet(bits, false);
    }

    private static synchronized int id(String version) {
        return IDS.computeIfAbsent(version, v -> {
            NAMES.add(v);
            return NAMES.size() - 1;
        });
    }

    @Override
    public FiniteVersionSet intersect(FiniteVersionSet other) {
        if (cofinite && other.cofinite) {
            return new FiniteVersionSet(or(members, other.members), true);
        }
        if (cofinite) {
            return other.intersect(this);
        }
        return new FiniteVersionSet(other.cofinite ? andNot(members, other.members) : and(members, other.members), false);
    }

    @Override
    public FiniteVersionSet union(FiniteVersionSet other) {
        return complement().intersect(other.complement()).complement();
    }

    @Override
    public FiniteVersionSet complement() {
        return new FiniteVersionSet(members, !cofinite);
    }

    @Override
    public boolean isEmpty() {
        return !cofinite && members.isEmpty();
    }

    @Override
    public boolean contains(String version) {
        Integer id;
        synchronized (FiniteVersionSet.class) {
            id = IDS.get(version);
        }
        return (id != null && members.get(id)) != cofinite;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        synchronized (FiniteVersionSet.class) {
            members.stream().forEach(i -> names.add(NAMES.get(i)));
        }
        return (cofinite ? "not " : "") + String.join(" | ", names);
    }

    private static BitSet and(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.and(b);
        return out;
    }

    private static BitSet or(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.or(b);
        return out;
    }

    private static BitSet andNot(BitSet a, BitSet b) {
        BitSet out = (BitSet) a.clone();
        out.andNot(b);
        return out;
    }
}
