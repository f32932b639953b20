package dev.axle.resolver.pubgrub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BinaryOperator;

/**
 * A test version set over non-negative integers: the points where membership flips, so
 * {@code [1, 3, 7]} is {@code [1, 3) ∪ [7, ∞)}. Versions "x.y.z" (single digits) are the integer
 * {@code xyz}, which makes carets like "^1.0.0" the range {@code [100, 200)}.
 */
record IntRanges(List<Integer> bounds) implements VersionSet<Integer, IntRanges> {

    static final VersionSets<Integer, IntRanges> SETS = new VersionSets<>() {
        @Override
        public IntRanges full() {
            return new IntRanges(List.of(0));
        }

        @Override
        public IntRanges singleton(Integer version) {
            return new IntRanges(List.of(version, version + 1));
        }
    };

    IntRanges {
        bounds = List.copyOf(bounds);
    }

    static IntRanges between(int from, int until) {
        return new IntRanges(List.of(from, until));
    }

    static IntRanges atLeast(int from) {
        return new IntRanges(List.of(from));
    }

    /** "*", "1.0.0", "^1.0.0", ">=1.0.0", "<2.0.0", or several of those separated by spaces (all hold). */
    static IntRanges parse(String text) {
        IntRanges result = SETS.full();
        for (String part : text.trim().split("\\s+")) {
            IntRanges one;
            if (part.equals("*")) {
                one = SETS.full();
            } else if (part.startsWith("^")) {
                int from = version(part.substring(1));
                one = between(from, (from / 100 + 1) * 100);
            } else if (part.startsWith(">=")) {
                one = atLeast(version(part.substring(2)));
            } else if (part.startsWith("<")) {
                one = between(0, version(part.substring(1)));
            } else {
                one = SETS.singleton(version(part));
            }
            result = result.intersect(one);
        }
        return result;
    }

    static int version(String text) {
        String[] parts = text.split("\\.");
        return Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1]) * 10 + Integer.parseInt(parts[2]);
    }

    static String format(int version) {
        return version / 100 + "." + version / 10 % 10 + "." + version % 10;
    }

    @Override
    public IntRanges intersect(IntRanges other) {
        return combine(other, (a, b) -> a && b);
    }

    @Override
    public IntRanges union(IntRanges other) {
        return combine(other, (a, b) -> a || b);
    }

    @Override
    public IntRanges complement() {
        List<Integer> flipped = new ArrayList<>(bounds);
        if (!flipped.isEmpty() && flipped.getFirst() == 0) {
            flipped.removeFirst();
        } else {
            flipped.addFirst(0);
        }
        return new IntRanges(flipped);
    }

    @Override
    public boolean isEmpty() {
        return bounds.isEmpty();
    }

    @Override
    public boolean contains(Integer version) {
        int index = Collections.binarySearch(bounds, version);
        int atOrBelow = index >= 0 ? index + 1 : -index - 1;
        return atOrBelow % 2 == 1;
    }

    private IntRanges combine(IntRanges other, BinaryOperator<Boolean> operator) {
        TreeSet<Integer> points = new TreeSet<>(bounds);
        points.addAll(other.bounds);
        List<Integer> result = new ArrayList<>();
        boolean inside = false;
        for (int point : points) {
            boolean now = operator.apply(contains(point), other.contains(point));
            if (now != inside) {
                result.add(point);
                inside = now;
            }
        }
        return new IntRanges(result);
    }

    @Override
    public String toString() {
        if (bounds.isEmpty()) {
            return "∅";
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i += 2) {
            int from = bounds.get(i);
            Integer until = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
            if (until == null) {
                ranges.add(from == 0 ? "*" : ">=" + format(from));
            } else if (until == from + 1) {
                ranges.add(format(from));
            } else if (from % 100 == 0 && until == from + 100) {
                ranges.add("^" + format(from));
            } else {
                ranges.add(from == 0 ? "<" + format(until) : ">=" + format(from) + " <" + format(until));
            }
        }
        return String.join(" || ", ranges);
    }
}
