package dev.axle.resolver.requirements;

import dev.axle.pep.InvalidMarkerException;
import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.Marker;
import dev.axle.pep.PepSyntaxException;
import dev.axle.pep.Requirement;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.WheelFilename;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requirement line: {@code <requirement> [; marker] [--hash=...]...}, where the
 * requirement is a PEP 508 dependency specifier, a URL, or a path to a project folder or
 * archive (optionally with {@code [extras]}), as pip tells them apart.
 */
final class RequirementLine {
    private static final Pattern EXTRAS = Pattern.compile("^(.+)(\\[[^\\]]+])$");
    /** A single {@code =} where {@code ==} was meant, the mistake pip gives a hint for. */
    private static final Pattern SINGLE_EQUALS = Pattern.compile("[^=!<>~ ]\\s*=\\s*[^=\\s]");

    private final String line;
    private final int start;
    private final boolean editable;
    private final Origin origin;

    private RequirementLine(String line, int start, boolean editable, Origin origin) {
        this.line = line;
        this.start = start;
        this.editable = editable;
        this.origin = origin;
    }

    /**
     * Reads the requirement that starts at {@code start} of {@code line} (after an {@code -e}),
     * and the per-requirement options after it.
     */
    static RequirementEntry parse(String line, int start, boolean editable, boolean constraint, Origin origin) {
        return new RequirementLine(line, start, editable, origin).entry(constraint);
    }

    private RequirementEntry entry(boolean constraint) {
        if (start >= line.length()) {
            throw error("-e needs a local project path or a VCS URL after it");
        }
        int optionsAt = optionsStart();
        List<Hash> hashes = hashes(line.substring(optionsAt));
        String text = line.substring(start, optionsAt).stripTrailing();
        boolean url = DirectReference.isUrl(text);
        // pip needs a space after the semicolon only when the line is a URL, since URLs may hold one.
        String separator = url ? "; " : ";";
        int semicolon = text.indexOf(separator);
        String target = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        RequirementEntry entry;
        if (url) {
            DirectReference reference = DirectReference.ofUrl(target);
            if (editable && !reference.isVcs() && !target.regionMatches(true, 0, "file:", 0, 5)) {
                throw error("-e needs a local project path or a VCS URL (git+, hg+, svn+ or bzr+), got " + target);
            }
            entry = direct(reference, Collections.emptySortedSet(), marker(text, semicolon, separator), hashes, constraint);
        } else if (isPath(target)) {
            Matcher m = EXTRAS.matcher(target);
            String path = m.matches() ? m.group(1) : target;
            SequencedSet<String> extras = m.matches() ? extras(m.group(2)) : Collections.emptySortedSet();
            entry = direct(DirectReference.ofPath(resolve(path.strip())), extras, marker(text, semicolon, separator),
                    hashes, constraint);
        } else if (editable) {
            throw error("-e needs a local project path or a VCS URL (git+, hg+, svn+ or bzr+), not a requirement"
                    + " like " + text + ": remove -e to install it from an index");
        } else {
            entry = specified(text, hashes, constraint);
        }
        checkConstraint(entry);
        return entry;
    }

    /** pip's split: the options start at the first space-separated word that starts with a dash. */
    private int optionsStart() {
        int at = start;
        for (String word : line.substring(start).split(" ", -1)) {
            if (word.startsWith("-") && at > start) {
                return at;
            }
            at += word.length() + 1;
        }
        return line.length();
    }

    private List<Hash> hashes(String options) {
        List<Hash> hashes = new ArrayList<>();
        List<String> words = PipOption.words(options, origin, line);
        for (int i = 0; i < words.size(); ) {
            PipOption.Use use = PipOption.use(words, i, line, origin);
            i = use.next();
            switch (use.option().kind()) {
                case HASH -> {
                    try {
                        hashes.add(Hash.parse(use.value()));
                    } catch (IllegalArgumentException e) {
                        throw error(e.getMessage());
                    }
                }
                case UNSUPPORTED -> throw PipOption.unsupported(use.option(), origin, line);
                default -> throw error(use.option().spelling()
                        + " cannot follow a requirement: put it on a line of its own");
            }
        }
        return hashes;
    }

    /**
     * Whether pip would read the text as a path: it has a separator, starts with a dot or ends
     * like an archive, unless it is {@code name @ ...} (the part before {@code @} is no path).
     */
    private static boolean isPath(String target) {
        Matcher m = EXTRAS.matcher(target);
        String path = m.matches() ? m.group(1) : target;
        if (!DirectReference.looksLikePath(path) && !DirectReference.isArchive(path)) {
            return false;
        }
        int at = path.indexOf('@');
        return at < 0 || DirectReference.looksLikePath(path.substring(0, at));
    }

    private Path resolve(String written) {
        try {
            Path path = Path.of(written);
            if (path.isAbsolute()) {
                return path;
            }
            return origin.file().folder().orElseThrow(() -> error("relative path " + written
                    + " in a requirements file read from a URL: write a URL or an absolute path")).resolve(path);
        } catch (InvalidPathException e) {
            throw error("not a valid path: " + e.getMessage());
        }
    }

    private SequencedSet<String> extras(String bracketed) {
        try {
            return Requirement.parse("placeholder" + bracketed).extras();
        } catch (InvalidRequirementException e) {
            throw syntax("invalid extras: ", e, line.indexOf(bracketed, start) - "placeholder".length(), "");
        }
    }

    private Optional<Marker> marker(String text, int semicolon, String separator) {
        if (semicolon < 0) {
            return Optional.empty();
        }
        String written = text.substring(semicolon + separator.length());
        String marker = written.strip();
        try {
            return Optional.of(Marker.parse(marker));
        } catch (InvalidMarkerException e) {
            int leading = written.length() - written.stripLeading().length();
            throw syntax("invalid marker: ", e, start + semicolon + separator.length() + leading, "");
        }
    }

    private RequirementEntry direct(DirectReference reference, SequencedSet<String> extras, Optional<Marker> marker,
            List<Hash> hashes, boolean constraint) {
        Optional<String> name = reference.eggName();
        if (reference.isWheel()) {
            String fileName = URLDecoder.decode(reference.fileName().replace("+", "%2B"), StandardCharsets.UTF_8);
            try {
                name = Optional.of(WheelFilename.parse(fileName).name());
            } catch (InvalidWheelFilenameException e) {
                throw error(fileName + " is not a valid wheel file name: " + e.reason());
            }
        }
        return new RequirementEntry(name, extras, SpecifierSet.parse(""), Optional.of(reference), marker, hashes,
                editable, constraint, origin);
    }

    private RequirementEntry specified(String text, List<Hash> hashes, boolean constraint) {
        Requirement requirement;
        try {
            requirement = Requirement.parse(text);
        } catch (InvalidRequirementException e) {
            String hint = SINGLE_EQUALS.matcher(text.split(";", 2)[0]).find() ? " (= is not a version operator: did you mean ==?)" : "";
            if (!e.positioned()) {
                throw error("invalid requirement: " + e.reason() + hint);
            }
            throw syntax("invalid requirement: ", e, start, hint);
        }
        return new RequirementEntry(Optional.of(requirement.name()), requirement.extras(),
                requirement.specifier(), requirement.url().map(DirectReference::ofUrl), requirement.marker(), hashes,
                false, constraint, origin);
    }

    /** pip's rules for constraints: they limit a named project's versions, nothing more. */
    private void checkConstraint(RequirementEntry entry) {
        if (!entry.constraint()) {
            return;
        }
        if (entry.editable()) {
            throw error("editable requirements are not allowed as constraints: move the -e line to a requirements file");
        }
        if (entry.name().isEmpty()) {
            throw error("a constraint must name its project: write name @ " + entry.reference().orElseThrow().url());
        }
        if (!entry.extras().isEmpty()) {
            throw error("constraints cannot have extras: constrain " + entry.name().get() + " without them");
        }
    }

    private RequirementsFileException error(String reason) {
        return new RequirementsFileException(origin, line, reason);
    }

    /** An error from axle-pep's parsers, its span moved to where the parsed text starts in the line. */
    private RequirementsFileException syntax(String prefix, PepSyntaxException e, int offset, String hint) {
        return new RequirementsFileException(origin, line, prefix + e.reason() + hint, offset + e.start(),
                offset + e.end(), e);
    }
}
