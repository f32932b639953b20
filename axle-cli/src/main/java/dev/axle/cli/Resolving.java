package dev.axle.cli;

import dev.axle.finder.Finder;
import dev.axle.finder.FinderOptions;
import dev.axle.index.FindLinks;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.tags.SupportedTags;
import dev.axle.resolver.python.CandidateMetadata;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Target;
import dev.axle.resolver.requirements.Location;
import dev.axle.resolver.requirements.ParsedRequirements;
import dev.axle.resolver.requirements.RequirementEntry;
import dev.axle.resolver.requirements.RequirementsParser;
import dev.axle.resolver.requirements.RequirementsReader;
import dev.axle.resolver.requirements.RequirementsFileException;
import dev.axle.resolver.pep440.PythonPackages;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.Resolution;
import dev.axle.resolver.python.ResolutionException;
import dev.axle.resolver.python.Resolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What the resolving commands share: the requirements read from the command line and files,
 * the finder over the configured indexes, and the resolver's options.
 */
final class Resolving {
    /** How command-line requirements are named in messages about them. */
    private static final Path COMMAND_LINE = Path.of("(command line)");

    private Resolving() {}

    /** The requirements, constraints and file options, read as pip reads them. */
    record Input(List<Requirement> requirements, List<Requirement> constraints, List<Requirement> overrides,
            ParsedRequirements files) {}

    /**
     * How a command takes local projects: entries written as a project folder or archive
     * without a name ({@code ./project}, {@code ../x-1.0.tar.gz}) and editable ones
     * ({@code -e ./project}), which the command's source builds can name and build.
     */
    @FunctionalInterface
    interface LocalProjects {
        /**
         * The entry as a requirement on its project ({@code name[extras] @ file:///... ; marker}).
         *
         * @throws UsageException if it cannot be built or named
         */
        Requirement requirement(RequirementEntry entry) throws IOException;

        /** A command that builds nothing: such entries are errors. */
        LocalProjects NONE = entry -> {
            throw new UsageException(entry.origin() + ": " + entry + ": this command takes "
                    + (entry.editable() ? "no editable projects" : "no project folders or source distributions by path")
                    + "; give a wheel, or a name");
        };
    }

    /**
     * Reads the command line's requirements and the {@code -r}/{@code -c} files as one
     * requirements file (so that errors carry the file and line, and the files' options apply).
     *
     * @throws RequirementsFileException on a bad line
     * @throws UsageException for what the command cannot take (project folders, sdists by path)
     */
    static Input read(Session session, List<String> args, ResolutionArguments resolution) {
        try {
            return read(session, args, List.of(), resolution, LocalProjects.NONE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // NONE reads nothing
        }
    }

    /**
     * {@link #read(Session, List, ResolutionArguments)}, with {@code editables} as {@code -e}
     * lines, and local projects named by {@code local}.
     */
    static Input read(Session session, List<String> args, List<String> editables, ResolutionArguments resolution,
            LocalProjects local) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String arg : args) {
            text.append(arg).append('\n');
        }
        // Before the files' options, which pip applies after the command line's.
        for (Map.Entry<String, String> format : resolution.formats) {
            if (!format.getValue().matches("[A-Za-z0-9._,:-]+")) {
                throw new UsageException(format.getKey() + " takes project names separated by commas, :all: or :none:,"
                        + " not '" + format.getValue() + "'");
            }
            text.append(format.getKey()).append(' ').append(format.getValue()).append('\n');
        }
        for (String editable : editables) {
            text.append("-e ").append(quoted(session.cwd.resolve(editable))).append('\n');
        }
        for (Path file : resolution.requirements) {
            text.append("-r ").append(quoted(session.cwd.resolve(file))).append('\n');
        }
        for (Path file : resolution.constraints) {
            text.append("-c ").append(quoted(session.cwd.resolve(file))).append('\n');
        }
        Location commandLine = Location.of(COMMAND_LINE);
        RequirementsReader files = RequirementsReader.localFiles();
        RequirementsReader reader = location -> location.identity().equals(commandLine.identity())
                ? text.toString() : files.read(location);
        RequirementsParser parser = new RequirementsParser(reader, session.env);
        ParsedRequirements parsed = parser.parseRequirements(commandLine);
        List<Requirement> requirements = new ArrayList<>();
        List<Requirement> constraints = new ArrayList<>();
        for (RequirementEntry entry : parsed.entries()) {
            Requirement r = entry.requirement().isEmpty() || entry.editable() ? local.requirement(entry)
                    : entry.requirement().get();
            (entry.constraint() ? constraints : requirements).add(r);
        }
        List<Requirement> overrides = new ArrayList<>();
        for (Path file : resolution.overrides) {
            for (RequirementEntry entry : parser.parseRequirements(Location.of(session.cwd.resolve(file))).entries()) {
                entry.requirement().ifPresent(overrides::add);
            }
        }
        return new Input(requirements, constraints, overrides, parsed);
    }

    private static String quoted(Path path) {
        String s = path.toString();
        return Pattern.compile("\\s").matcher(s).find() ? "\"" + s + "\"" : s;
    }

    /** The resolver options for {@code target}, with what is installed as the preference. */
    static ResolveOptions options(Target target, Input input, ResolutionArguments args, boolean pre,
            InstalledDistributions installed, boolean reinstall) {
        Map<ProjectName, ResolveOptions.Installed> kept = new LinkedHashMap<>();
        if (installed != null) {
            for (InstalledDistribution d : installed) {
                d.version().ifPresent(v -> kept.put(d.name(), new ResolveOptions.Installed(d.name(), v, metadata(d))));
            }
        }
        Set<ProjectName> upgrade = new HashSet<>();
        args.upgradePackages.forEach(n -> upgrade.add(ProjectName.parse(n)));
        return ResolveOptions.of(target)
                .withPrereleases(pre || args.pre || input.files().pre() ? ResolveOptions.Prereleases.ALLOW
                        : ResolveOptions.Prereleases.IF_NECESSARY_OR_EXPLICIT)
                .withStrategy(args.strategy())
                .withConstraints(input.constraints())
                .withOverrides(input.overrides())
                .withInstalled(kept)
                .withUpgrade(upgrade, args.upgrade || reinstall)
                .withNoDeps(args.noDeps);
    }

    private static CandidateMetadata metadata(InstalledDistribution d) {
        Set<String> extras = new HashSet<>();
        d.metadata().list(dev.axle.pep.MetadataField.PROVIDES_EXTRA).orElse(List.of())
                .forEach(e -> extras.add(PythonPackages.normalizeExtra(e)));
        return new CandidateMetadata(d.requires(), extras,
                d.metadata().string(dev.axle.pep.MetadataField.REQUIRES_PYTHON));
    }

    /**
     * Resolves, printing the explanation of a failure as an error; empty after a failure.
     *
     * @throws UsageException if a direct reference among the requirements cannot be used
     */
    static Optional<Resolution> resolve(Session session, Finder finder, Input input, ResolveOptions options)
            throws IOException {
        try {
            return Optional.of(new Resolver(finder).resolve(input.requirements(), options));
        } catch (ResolutionException e) {
            session.err.println("error: no solution: the requirements cannot all be satisfied");
            e.getMessage().lines().forEach(line -> session.err.println("  " + line));
            return Optional.empty();
        } catch (CandidateUnavailableException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * A finder over the configured indexes, downloads kept in the cache, taking wheels and
     * sdists as {@code --no-binary} and {@code --only-binary} (the command line's, then the
     * files') allow.
     */
    static Finder finder(Session session, Input input, IndexArguments index, Target target, SupportedTags tags) {
        return finder(session, input, index, target, tags, UnaryOperator.identity());
    }

    /** How many pages, metadata files and downloads a finder fetches at once. */
    static final int FETCHES = 8;

    /**
     * A finder as above, its options as {@code adjusted} changes them (for a universal resolution,
     * {@link FinderOptions#forAnyPlatform}; for {@code --no-build}, {@link FinderOptions#withoutBuilds}).
     */
    static Finder finder(Session session, Input input, IndexArguments index, Target target, SupportedTags tags,
            UnaryOperator<FinderOptions> adjusted) {
        IndexOptions options = index.options(input.files(), session.env, session.cwd, session.cache.root());
        List<Index> indexes = index.indexes(input.files(), session.env, session.cwd).stream()
                .map(u -> Index.of(u, options)).toList();
        List<FindLinks> links = index.findLinks(input.files(), session.env, session.cwd).stream()
                .map(u -> FindLinks.of(u, options)).toList();
        FinderOptions finding = new FinderOptions(target, tags, index.strategy(session.env),
                session.cache.root().resolve("downloads-v1"), FETCHES).withFormats(input.files().formatControl());
        return new Finder(indexes, links, options, adjusted.apply(finding));
    }
}
