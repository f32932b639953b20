package dev.axle.pep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One platform compatibility tag (PEP 425): interpreter, ABI and platform, each in lower
 * case, as {@code cp312-cp312-manylinux_2_17_x86_64}.
 *
 * <p>The components are not validated: a tag is whatever a wheel filename or an
 * installer's list of supported tags says. Use {@link #parse(String)} to read tag text.
 */
public record Tag(String interpreter, String abi, String platform) {
    private static final long NO_LIMIT = -1;

    /** Lower-cases every component, as packaging's {@code Tag} does. */
    public Tag {
        interpreter = Text.pyLower(Objects.requireNonNull(interpreter, "interpreter"));
        abi = Text.pyLower(Objects.requireNonNull(abi, "abi"));
        platform = Text.pyLower(Objects.requireNonNull(platform, "platform"));
    }

    /**
     * Parses a tag or compressed tag set, such as {@code py2.py3-none-any}, into the set of
     * tags it stands for (packaging's {@code parse_tag}).
     *
     * @throws InvalidTagException if {@code tag} is not three {@code -}-separated components,
     *     a component or one of its {@code .}-separated members is empty, or an interpreter
     *     is not a Python identifier
     */
    public static CompressedTagSet parse(String tag) {
        return parseWithLimit(tag, false, NO_LIMIT);
    }

    /**
     * As {@link #parse(String)}; with {@code validateOrder}, the members of each compressed
     * component must also be in sorted order, as PEP 425 requires.
     */
    public static CompressedTagSet parse(String tag, boolean validateOrder) {
        return parseWithLimit(tag, validateOrder, NO_LIMIT);
    }

    /**
     * As {@link #parse(String, boolean)}, refusing sets that would expand to more than
     * {@code limit} tags (duplicates counted, as packaging does).
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public static CompressedTagSet parse(String tag, boolean validateOrder, long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be non-negative");
        }
        return parseWithLimit(tag, validateOrder, limit);
    }

    private static CompressedTagSet parseWithLimit(String tag, boolean validateOrder, long limit) {
        String text = tag == null ? "" : tag;
        List<int[]> components = spans(text, '-', 0, text.length());
        List<List<String>> parts = new ArrayList<>(components.size());
        for (int[] c : components) {
            List<String> members = new ArrayList<>();
            for (int[] m : spans(text, '.', c[0], c[1])) {
                members.add(text.substring(m[0], m[1]));
            }
            String component = text.substring(c[0], c[1]);
            if (members.contains("")) {
                throw new InvalidTagException(InvalidTagException.Problem.EMPTY_COMPONENT,
                        "Tag " + Text.pyRepr(text) + " has an empty component: " + Text.pyRepr(component),
                        text, c[0], last(c));
            }
            if (validateOrder && !isSorted(members)) {
                throw new InvalidTagException(InvalidTagException.Problem.UNSORTED,
                        "Tag component " + Text.pyRepr(component) + " is not in sorted order per PEP 425",
                        text, c[0], last(c));
            }
            parts.add(members);
        }
        if (limit != NO_LIMIT) {
            BigInteger count = count(parts);
            if (count.compareTo(BigInteger.valueOf(limit)) > 0) {
                throw new InvalidTagException(InvalidTagException.Problem.TOO_MANY_TAGS,
                        "Compressed tag set would generate " + count + " tags, exceeding limit " + limit,
                        text, 0, Math.max(0, text.length() - 1));
            }
        }
        if (parts.size() != 3) {
            int at = parts.size() > 3 ? components.get(3)[0] - 1 : text.length();
            throw new InvalidTagException(InvalidTagException.Problem.COMPONENT_COUNT,
                    "Tag " + Text.pyRepr(text) + " must have exactly three components", text, at, at);
        }
        List<int[]> interpreterSpans = spans(text, '.', components.get(0)[0], components.get(0)[1]);
        for (int i = 0; i < interpreterSpans.size(); i++) {
            String interpreter = parts.get(0).get(i);
            if (!Text.isIdentifier(interpreter)) {
                int[] s = interpreterSpans.get(i);
                throw new InvalidTagException(InvalidTagException.Problem.INVALID_INTERPRETER,
                        "Tag " + Text.pyRepr(text) + " has an invalid interpreter: " + Text.pyRepr(interpreter),
                        text, s[0], last(s));
            }
        }
        return new CompressedTagSet(parts.get(0), parts.get(1), parts.get(2));
    }

    /** Start and end offsets of the pieces of {@code s[from:to]} between separators, as Python's split. */
    private static List<int[]> spans(String s, char separator, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int start = from;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == separator) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, to});
        return out;
    }

    /** Where the caret goes under a bad part: its last character. */
    private static int last(int[] span) {
        return Math.max(span[0], span[1] - 1);
    }

    private static boolean isSorted(List<String> members) {
        for (int i = 1; i < members.size(); i++) {
            if (Text.compareCodePoints(members.get(i - 1), members.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** How many tags the components expand to, duplicates included (exact, however large). */
    private static BigInteger count(List<List<String>> parts) {
        long n = 1;
        for (int i = 0; i < parts.size(); i++) {
            long size = parts.get(i).size();
            if (n > Long.MAX_VALUE / size) {
                return productOf(parts, i, parts.size()).multiply(BigInteger.valueOf(n));
            }
            n *= size;
        }
        return BigInteger.valueOf(n);
    }

    /** Balanced product, so megabyte inputs with many components stay fast. */
    private static BigInteger productOf(List<List<String>> parts, int from, int to) {
        if (to - from == 1) {
            return BigInteger.valueOf(parts.get(from).size());
        }
        int mid = (from + to) >>> 1;
        return productOf(parts, from, mid).multiply(productOf(parts, mid, to));
    }

    /** Same hash as a tuple-like combination, stated here so {@link CompressedTagSet} can sum it in closed form. */
    @Override
    public int hashCode() {
        return 961 * interpreter.hashCode() + 31 * abi.hashCode() + platform.hashCode();
    }

    /** The tag text, {@code interpreter-abi-platform}. */
    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
