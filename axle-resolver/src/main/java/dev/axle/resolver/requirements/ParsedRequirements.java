package dev.axle.resolver.requirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What pip would take from a requirements (or constraints) file and every file it includes:
 * requirement lines in file order, and global options in file order.
 *
 * @param entries requirement and constraint lines, in the order pip reads them
 * @param options global options, in order (for {@code --index-url} the last one counts)
 * @param files every file read, in the order they were first opened
 */
public record ParsedRequirements(List<RequirementEntry> entries, List<GlobalOption> options, List<Location> files) {

    public ParsedRequirements {
        entries = List.copyOf(entries);
        options = List.copyOf(options);
        files = List.copyOf(files);
    }

    /** The lines that ask for something: from requirements files, not constraints files. */
    public List<RequirementEntry> requirements() {
        return entries.stream().filter(e -> !e.constraint()).toList();
    }

    /** The lines from constraints files. */
    public List<RequirementEntry> constraints() {
        return entries.stream().filter(RequirementEntry::constraint).toList();
    }

    /** These, then {@code other}'s: for several {@code -r}/{@code -c} on one command line. */
    public ParsedRequirements and(ParsedRequirements other) {
        return new ParsedRequirements(concat(entries, other.entries), concat(options, other.options),
                concat(files, other.files));
    }

    /** The last {@code --index-url}. */
    public Optional<String> indexUrl() {
        return values(GlobalOption.Name.INDEX_URL).stream().reduce((first, second) -> second);
    }

    public List<String> extraIndexUrls() {
        return values(GlobalOption.Name.EXTRA_INDEX_URL);
    }

    public List<String> findLinks() {
        return values(GlobalOption.Name.FIND_LINKS);
    }

    public List<String> trustedHosts() {
        return values(GlobalOption.Name.TRUSTED_HOST);
    }

    public boolean noIndex() {
        return has(GlobalOption.Name.NO_INDEX);
    }

    public boolean pre() {
        return has(GlobalOption.Name.PRE);
    }

    public boolean preferBinary() {
        return has(GlobalOption.Name.PREFER_BINARY);
    }

    public boolean requireHashes() {
        return has(GlobalOption.Name.REQUIRE_HASHES);
    }

    /** {@code --no-binary} and {@code --only-binary} combined in order, as pip combines them. */
    public FormatControl formatControl() {
        return FormatControl.of(options);
    }

    private List<String> values(GlobalOption.Name name) {
        return options.stream().filter(o -> o.name() == name).map(GlobalOption::value).toList();
    }

    private boolean has(GlobalOption.Name name) {
        return options.stream().anyMatch(o -> o.name() == name);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
