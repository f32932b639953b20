package dev.axle.pep;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The tags a compressed tag set such as {@code py2.py3-none-any} stands for: every
 * combination of its interpreters, ABIs and platforms (PEP 425).
 *
 * <p>Iteration follows the text: interpreters outermost, platforms innermost, each tag
 * once. The set is a view over its three components and never expands them, so a
 * crafted filename with thousands of members per component costs linear memory and
 * {@link #contains} stays constant-time.
 */
public final class CompressedTagSet extends AbstractSet<Tag> {
    private final Set<String> interpreters;
    private final Set<String> abis;
    private final Set<String> platforms;

    CompressedTagSet(List<String> interpreters, List<String> abis, List<String> platforms) {
        this.interpreters = distinctLower(interpreters);
        this.abis = distinctLower(abis);
        this.platforms = distinctLower(platforms);
    }

    private static Set<String> distinctLower(List<String> members) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : members) {
            out.add(Text.pyLower(m));
        }
        return Collections.unmodifiableSet(out);
    }

    /** The distinct interpreters, lower case, in the order they first appear. */
    public Set<String> interpreters() {
        return interpreters;
    }

    /** The distinct ABIs, lower case, in the order they first appear. */
    public Set<String> abis() {
        return abis;
    }

    /** The distinct platforms, lower case, in the order they first appear. */
    public Set<String> platforms() {
        return platforms;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Tag t && interpreters.contains(t.interpreter()) && abis.contains(t.abi())
                && platforms.contains(t.platform());
    }

    /** The number of tags, or {@link Integer#MAX_VALUE} if there are more. */
    @Override
    public int size() {
        long n = (long) interpreters.size() * abis.size();
        if (n > Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        n *= platforms.size();
        return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    @Override
    public boolean isEmpty() {
        return interpreters.isEmpty() || abis.isEmpty() || platforms.isEmpty();
    }

    @Override
    public Iterator<Tag> iterator() {
        return new Iterator<>() {
            private final Iterator<String> is = interpreters.iterator();
            private Iterator<String> as = Collections.emptyIterator();
            private Iterator<String> ps = Collections.emptyIterator();
            private String interpreter;
            private String abi;

            @Override
            public boolean hasNext() {
                return ps.hasNext() || as.hasNext() || (is.hasNext() && !abis.isEmpty() && !platforms.isEmpty());
            }

            @Override
            public Tag next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (!ps.hasNext()) {
                    if (!as.hasNext()) {
                        interpreter = is.next();
                        as = abis.iterator();
                    }
                    abi = as.next();
                    ps = platforms.iterator();
                }
                return new Tag(interpreter, abi, ps.next());
            }
        };
    }

    /** Equal sets of tags; two compressed sets are compared through their components, without expanding them. */
    @Override
    public boolean equals(Object o) {
        if (o instanceof CompressedTagSet c) {
            return isEmpty() ? c.isEmpty() : interpreters.equals(c.interpreters) && abis.equals(c.abis)
                    && platforms.equals(c.platforms);
        }
        return super.equals(o);
    }

    /** The {@link Set} hash code (the sum of the tags' hashes), computed from the components in closed form. */
    @Override
    public int hashCode() {
        int i = 0;
        int a = 0;
        int p = 0;
        for (String s : interpreters) {
            i += s.hashCode();
        }
        for (String s : abis) {
            a += s.hashCode();
        }
        for (String s : platforms) {
            p += s.hashCode();
        }
        int ni = interpreters.size();
        int na = abis.size();
        int np = platforms.size();
        return 961 * i * na * np + 31 * a * ni * np + p * ni * na;
    }

    /** The compressed text, such as {@code py2.py3-none-any}, members in the order they first appeared. */
    @Override
    public String toString() {
        return String.join(".", interpreters) + "-" + String.join(".", abis) + "-" + String.join(".", platforms);
    }

    /** The compressed text with each component's members in sorted order, as PEP 425 asks of filenames. */
    public String toSortedString() {
        return sorted(interpreters) + "-" + sorted(abis) + "-" + sorted(platforms);
    }

    private static String sorted(Set<String> members) {
        return String.join(".", members.stream().sorted(Text::compareCodePoints).toList());
    }
}
