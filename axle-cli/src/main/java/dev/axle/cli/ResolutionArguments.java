package dev.axle.cli;

import dev.axle.resolver.python.ResolveOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** What to resolve and how: pip's and uv's resolver options. */
final class ResolutionArguments {
    @Option(names = {"-r", "--requirement"}, paramLabel = "FILE", description = "Install from a requirements file")
    List<Path> requirements = new ArrayList<>();

    @Option(names = {"-c", "--constraint"}, paramLabel = "FILE",
            description = "Constrain versions with a constraints file (installs nothing by itself)")
    List<Path> constraints = new ArrayList<>();

    @Option(names = "--override", paramLabel = "FILE",
            description = "Override the requirements on these projects, the dependencies' declared ones included")
    List<Path> overrides = new ArrayList<>();

    @Option(names = "--pre", description = "Allow pre-releases everywhere (else only where a requirement names one)")
    boolean pre;

    @Option(names = {"-U", "--upgrade"}, description = "Upgrade every package to the newest allowed version")
    boolean upgrade;

    @Option(names = {"-P", "--upgrade-package"}, paramLabel = "NAME",
            description = "Upgrade this package, keep the others where they are")
    List<String> upgradePackages = new ArrayList<>();

    @Option(names = "--resolution", paramLabel = "STRATEGY",
            description = "highest (default), lowest, or lowest-direct (lowest for what you named)")
    String resolution;

    @Option(names = "--require-hashes",
            description = "Every requirement pinned with ==, with --hash values every file must match (on by itself"
                    + " when any requirement has a --hash)")
    boolean requireHashes;

    @Option(names = "--no-deps", description = "Install what is named, not its dependencies")
    boolean noDeps;

    /**
     * {@code --no-binary} and {@code --only-binary} with their values, in the order given: each
     * changes what the ones before it said, as in pip, and the requirements files' own come
     * after them all.
     */
    final List<Map.Entry<String, String>> formats = new ArrayList<>();

    @Option(names = "--no-binary", paramLabel = "NAMES",
            description = "Use sdists of these projects, never wheels (install builds them): names separated by"
                    + " commas, :all: or :none:. Later --no-binary and --only-binary override earlier ones, as in pip")
    void noBinary(List<String> given) {
        format("--no-binary", given);
    }

    @Option(names = "--only-binary", paramLabel = "NAMES",
            description = "Use wheels of these projects, never sdists: names separated by commas, :all: or :none:")
    void onlyBinary(List<String> given) {
        format("--only-binary", given);
    }

    /** picocli calls an option's setter with every value so far, once per use: the last one is the new one. */
    private void format(String option, List<String> given) {
        if (!given.isEmpty()) {
            formats.add(Map.entry(option, given.getLast()));
        }
    }

    ResolveOptions.Strategy strategy() {
        if (resolution == null) {
            return ResolveOptions.Strategy.HIGHEST;
        }
        return switch (resolution.toLowerCase(Locale.ROOT)) {
            case "highest" -> ResolveOptions.Strategy.HIGHEST;
            case "lowest" -> ResolveOptions.Strategy.LOWEST;
            case "lowest-direct" -> ResolveOptions.Strategy.LOWEST_DIRECT;
            default -> throw new UsageException("--resolution must be highest, lowest or lowest-direct, not " + resolution);
        };
    }
}
