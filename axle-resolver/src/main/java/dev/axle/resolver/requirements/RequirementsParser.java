package dev.axle.resolver.requirements;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads pip requirements files ({@code -r}) and constraints files ({@code -c}), following
 * the files they include, into one {@link ParsedRequirements}.
 *
 * <p>Each file is cut into logical lines ({@link LogicalLines}); a line is either options
 * ({@code --index-url URL}, {@code -r other.txt}, {@code -e ./project}) or a requirement with
 * per-requirement options after it ({@link RequirementLine}). Included files are found from
 * the including file's folder (or URL); a file that includes itself, directly or not, is an
 * error. As in pip, what a constraints file includes with {@code -r} is requirements, not
 * constraints. Where axle differs from pip:
 * <ul>
 *   <li>relative paths in requirement lines are taken from the requirements file's folder
 *       (pip takes them from the working directory; only its {@code -r}/{@code -c} use the
 *       file's folder);</li>
 *   <li>paths are not checked: a path that does not exist fails at install time;</li>
 *   <li>pip ignores what it does not use where axle refuses it: global options after a
 *       requirement, words after options, an {@code -e} after other options. An
 *       {@code -e path ; marker} keeps its marker (pip drops it);</li>
 *   <li>checks pip makes later are made here, with the file and line: a {@code --hash} must
 *       be sha256/384/512 with a digest of the right length, and a constraint must be named,
 *       without extras, not editable (pip checks constraints only where their marker holds).</li>
 * </ul>
 */
public final class RequirementsParser {
    private final RequirementsReader reader;
    private final Map<String, String> environment;

    /**
     * @param reader gives the text of each file
     * @param environment the variables for {@code ${NAME}}, usually {@link System#getenv()}
     */
    public RequirementsParser(RequirementsReader reader, Map<String, String> environment) {
        this.reader = reader;
        this.environment = Map.copyOf(environment);
    }

    /** Reads a requirements file ({@code -r FILE}) and what it includes. */
    public ParsedRequirements parseRequirements(Location file) {
        return new Walk().start(file, false);
    }

    /** Reads a constraints file ({@code -c FILE}) and what it includes. */
    public ParsedRequirements parseConstraints(Location file) {
        return new Walk().start(file, true);
    }

    private static Location included(String written, Origin origin, String line) {
        try {
            return origin.file().resolve(written);
        } catch (IllegalArgumentException e) {
            throw new RequirementsFileException(origin, line, "not a valid path or URL: " + written + " (" + e.getMessage() + ")");
        }
    }

    /** One parse: what has been read so far, and the files being read, innermost last. */
    private final class Walk {
        private final List<RequirementEntry> entries = new ArrayList<>();
        private final List<GlobalOption> options = new ArrayList<>();
        private final List<Location> files = new ArrayList<>();
        private final Deque<Location> reading = new ArrayDeque<>();

        ParsedRequirements start(Location file, boolean constraint) {
            read(file, constraint, new Origin(file, 0), "");
            return new ParsedRequirements(entries, options, files);
        }

        private void read(Location file, boolean constraint, Origin includedAt, String includingLine) {
            for (Location open : reading) {
                if (open.identity().equals(file.identity())) {
                    String chain = reading.stream().map(Location::toString).collect(Collectors.joining(" -> "));
                    throw new RequirementsFileException(includedAt, includingLine,
                            "includes " + file + ", which is already being read (" + chain + " -> " + file
                                    + "): remove one of the includes");
                }
            }
            String text;
            try {
                text = reader.read(file);
                if (text == null) {
                    throw new IOException("the reader has no text for it");
                }
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new RequirementsFileException(includedAt, includingLine, "cannot read " + file + ": " + why,
                        -1, -1, e);
            }
            if (!files.stream().anyMatch(f -> f.identity().equals(file.identity()))) {
                files.add(file);
            }
            reading.addLast(file);
            for (LogicalLines.Line line : LogicalLines.of(text, environment)) {
                Origin origin = new Origin(file, line.number());
                if (line.text().startsWith("-")) {
                    optionLine(line.text(), origin, constraint);
                } else {
                    entries.add(RequirementLine.parse(line.text(), 0, false, constraint, origin));
                }
            }
            reading.removeLast();
        }

        private void optionLine(String line, Origin origin, boolean constraint) {
            int editable = PipOption.editableTarget(line);
            if (editable >= 0) {
                entries.add(RequirementLine.parse(line, editable, true, constraint, origin));
                return;
            }
            List<String> words = PipOption.words(line, origin);
            for (int i = 0; i < words.size(); i++) {
                PipOption.Use use = PipOption.use(words, i, line, origin);
                i = use.next() - 1;
                switch (use.option().kind()) {
                    case REQUIREMENT -> read(included(use.value(), origin, line), false, origin, line);
                    case CONSTRAINT -> read(included(use.value(), origin, line), true, origin, line);
                    case GLOBAL -> options.add(new GlobalOption(use.option().global(),
                            PipOption.globalValue(use, origin, line), origin));
                    case EDITABLE -> throw new RequirementsFileException(origin, line,
                            use.option().spelling() + " must start its line: put it on a line of its own");
                    case HASH -> throw new RequirementsFileException(origin, line,
                            "--hash belongs after a requirement, on the same line");
                    case UNSUPPORTED -> throw PipOption.unsupported(use.option(), origin, line);
                }
            }
        }
    }
}
