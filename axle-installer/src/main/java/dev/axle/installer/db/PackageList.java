package dev.axle.installer.db;

import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code list}: the installed distributions as {@code pip list} prints them, in its three
 * formats.
 *
 * <ul>
 *   <li>columns: {@code Package} and {@code Version} (the metadata's own spelling of name
 *       and version), a {@code Build} column when a WHEEL has a build tag, an
 *       {@code Editable project location} column when something is editable, and with
 *       verbose {@code Location} and {@code Installer}; a row of dashes as wide as each
 *       column under the header; nothing at all when the list is empty;
 *   <li>freeze: {@code name==version} ({@code name===version} for a version that is not
 *       PEP 440), with verbose followed by {@code (location)};
 *   <li>json: {@code [{"name": ..., "version": ...}]} with {@code location} and
 *       {@code installer} when verbose and {@code editable_project_location} when editable.
 * </ul>
 *
 * Entries are sorted by normalized name; the standard library's stray metadata
 * ({@code python}, {@code wsgiref}, {@code argparse}) is never listed.
 */
public final class PackageList {
    /** Names pip never lists: standard-library modules that can carry metadata. */
    static final Set<String> STANDARD_LIBRARY = Set.of("python", "wsgiref", "argparse");

    public enum Format { COLUMNS, FREEZE, JSON }

    /**
     * What to list and how.
     *
     * @param format the output format
     * @param verbose also location and installer ({@code -v})
     * @param editableOnly only editable installs ({@code --editable})
     * @param excludeEditable no editable installs ({@code --exclude-editable})
     * @param notRequired only distributions no other listed one depends on ({@code --not-required})
     * @param exclude projects to leave out, any spelling ({@code --exclude})
     */
    public record Options(Format format, boolean verbose, boolean editableOnly, boolean excludeEditable,
            boolean notRequired, Set<String> exclude) {
        public Options {
            Objects.requireNonNull(format, "format");
            exclude = Set.copyOf(exclude);
        }

        /** {@code pip list} without options. */
        public static Options defaults() {
            return new Options(Format.COLUMNS, false, false, false, false, Set.of());
        }

        public Options withFormat(Format f) {
            return new Options(f, verbose, editableOnly, excludeEditable, notRequired, exclude);
        }

        public Options withVerbose(boolean v) {
            return new Options(format, v, editableOnly, excludeEditable, notRequired, exclude);
        }
    }

    private PackageList() {}

    /**
     * The listing of {@code installed}; {@code environment} evaluates dependency markers for
     * {@code notRequired}.
     */
    public static CommandOutput render(InstalledDistributions installed, Options options,
            MarkerEnvironment environment) {
        List<InstalledDistribution> packages = select(installed, options, environment);
        List<String> lines = switch (options.format()) {
            case COLUMNS -> packages.isEmpty() ? List.of() : columns(packages, options.verbose());
            case FREEZE -> packages.stream()
                    .map(d -> options.verbose() ? Freeze.pinned(d) + " (" + d.location() + ")" : Freeze.pinned(d))
                    .toList();
            case JSON -> List.of(json(packages, options.verbose()));
        };
        return CommandOutput.of(lines, List.of(), CommandOutput.SUCCESS);
    }

    private static List<InstalledDistribution> select(InstalledDistributions installed, Options options,
            MarkerEnvironment environment) {
        List<InstalledDistribution> packages = new ArrayList<>();
        for (InstalledDistribution d : installed.all()) {
            if (STANDARD_LIBRARY.contains(d.name().toString())
                    || (options.editableOnly() && !d.editable())
                    || (options.excludeEditable() && d.editable())) {
                continue;
            }
            packages.add(d);
        }
        if (options.notRequired()) {
            Set<String> required = new HashSet<>();
            for (InstalledDistribution d : packages) {
                for (Requirement r : dependenciesOrNone(d, environment)) {
                    required.add(ProjectName.canonicalize(r.name()));
                }
            }
            packages.removeIf(d -> required.contains(d.name().toString()));
        }
        Set<String> excluded = new HashSet<>();
        options.exclude().forEach(n -> excluded.add(ProjectName.canonicalize(n)));
        packages.removeIf(d -> excluded.contains(d.name().toString()));
        return packages;
    }

    /** A distribution whose dependencies cannot be read requires nothing here (pip fails instead). */
    private static List<Requirement> dependenciesOrNone(InstalledDistribution d, MarkerEnvironment environment) {
        try {
            return d.dependencies(environment);
        } catch (InvalidRequirementException e) {
            return List.of();
        }
    }

    private static List<String> columns(List<InstalledDistribution> packages, boolean verbose) {
        List<Optional<String>> builds = packages.stream()
                .map(d -> d.wheel().flatMap(WheelInfo::build).filter(b -> !b.isEmpty()))
                .toList();
        boolean hasBuilds = builds.stream().anyMatch(Optional::isPresent);
        boolean hasEditables = packages.stream().anyMatch(InstalledDistribution::editable);
        List<String> header = new ArrayList<>(List.of("Package", "Version"));
        if (hasBuilds) {
            header.add("Build");
        }
        if (hasEditables) {
            header.add("Editable project location");
        }
        if (verbose) {
            header.add("Location");
            header.add("Installer");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < packages.size(); i++) {
            InstalledDistribution d = packages.get(i);
            List<String> row = new ArrayList<>(List.of(d.displayName(), d.rawVersion()));
            if (hasBuilds) {
                row.add(builds.get(i).orElse(""));
            }
            if (hasEditables) {
                row.add(d.editableProjectLocation().orElse(""));
            }
            if (verbose) {
                row.add(d.location().toString());
                row.add(d.installer().orElse(""));
            }
            rows.add(row);
        }
        return Table.format(rows);
    }

    private static String json(List<InstalledDistribution> packages, boolean verbose) {
        List<Map<String, String>> objects = new ArrayList<>();
        for (InstalledDistribution d : packages) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("name", d.displayName());
            o.put("version", d.version().map(Object::toString).orElseGet(d::rawVersion));
            if (verbose) {
                o.put("location", d.location().toString());
                o.put("installer", d.installer().orElse(""));
            }
            d.editableProjectLocation().ifPresent(l -> o.put("editable_project_location", l));
            objects.add(o);
        }
        return PyText.jsonArray(objects);
    }
}
