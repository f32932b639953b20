package dev.axle.installer.db;

import dev.axle.pep.InvalidTagException;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an installed distribution's {@code WHEEL} file says about the wheel it came from:
 * its {@code Tag} lines and its {@code Build} tag.
 *
 * @param tagLines the {@code Tag} values as written, each a tag or compressed tag set
 * @param build the {@code Build} value, if any
 */
public record WheelInfo(List<String> tagLines, Optional<String> build) {
    public WheelInfo {
        tagLines = List.copyOf(tagLines);
    }

    /** Reads a {@code WHEEL} file (email-header format). */
    static WheelInfo parse(byte[] wheelFile) {
        RawMetadata headers = RawMetadata.parseEmail(wheelFile);
        List<String> tags = headers.unparsed().getOrDefault("tag", List.of());
        List<String> build = headers.unparsed().getOrDefault("build", List.of());
        return new WheelInfo(tags, build.isEmpty() ? Optional.empty() : Optional.of(build.get(0)));
    }

    /**
     * Every tag the {@code Tag} lines stand for; lines that are not tags are left out (pip
     * fails on them).
     */
    public Set<Tag> tags() {
        Set<Tag> tags = new LinkedHashSet<>();
        for (String line : tagLines) {
            try {
                tags.addAll(Tag.parse(PyText.strip(line)));
            } catch (InvalidTagException e) {
                // Not a tag: it cannot match any interpreter either.
            }
        }
        return tags;
    }
}
