package dev.axle.resolver.requirements;

import dev.axle.pep.ProjectName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which projects must not use wheels ({@code --no-binary}) or must use only wheels
 * ({@code --only-binary}). Each holds canonical project names or {@code :all:}.
 */
public record FormatControl(Set<String> noBinary, Set<String> onlyBinary) {
    public static final String ALL = ":all:";
    public static final String NONE = ":none:";

    public FormatControl {
        noBinary = Set.copyOf(noBinary);
        onlyBinary = Set.copyOf(onlyBinary);
    }

    /** No control: wheels and sdists of every project may be used. */
    public static FormatControl unrestricted() {
        return new FormatControl(Set.of(), Set.of());
    }

    /**
     * Whether wheels of the project may be used, as pip's {@code get_allowed_formats} decides:
     * a project named in {@code --only-binary} may, one named in {@code --no-binary} may not,
     * else {@code --no-binary :all:} forbids them unless {@code --only-binary :all:} is there too.
     */
    public boolean allowsWheels(ProjectName project) {
        String name = project.toString();
        return onlyBinary.contains(name) || !noBinary.contains(name) && (onlyBinary.contains(ALL) || !noBinary.contains(ALL));
    }

    /** Whether sdists of the project may be used (see {@link #allowsWheels}; never both forbidden). */
    public boolean allowsSdists(ProjectName project) {
        String name = project.toString();
        return !onlyBinary.contains(name) && (noBinary.contains(name) || !onlyBinary.contains(ALL));
    }

    /**
     * The format control after these options, in order. As in pip, naming a project in one
     * list takes it out of the other, {@code :all:} empties the other list, and {@code :none:}
     * empties its own.
     */
    static FormatControl of(List<GlobalOption> options) {
        Set<String> noBinary = new LinkedHashSet<>();
        Set<String> onlyBinary = new LinkedHashSet<>();
        for (GlobalOption option : options) {
            switch (option.name()) {
                case NO_BINARY -> apply(option.value(), noBinary, onlyBinary);
                case ONLY_BINARY -> apply(option.value(), onlyBinary, noBinary);
                default -> { }
            }
        }
        return new FormatControl(noBinary, onlyBinary);
    }

    private static void apply(String value, Set<String> target, Set<String> other) {
        List<String> names = new ArrayList<>(Arrays.asList(value.split(",", -1)));
        while (names.contains(ALL)) {
            other.clear();
            target.clear();
            target.add(ALL);
            names = names.subList(names.indexOf(ALL) + 1, names.size());
            if (!names.contains(NONE)) {
                return;
            }
        }
        for (String name : names) {
            if (name.equals(NONE)) {
                target.clear();
            } else {
                String canonical = ProjectName.canonicalize(name);
                other.remove(canonical);
                target.add(canonical);
            }
        }
    }
}
