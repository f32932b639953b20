package dev.axle.installer.db;

import dev.axle.pep.InvalidRequirementException;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code show NAME... [--files]}: installed distributions described in email-header form, as
 * {@code pip show} prints them, separated by {@code ---}:
 *
 * <pre>
 * Name, Version, Summary, Home-page, Author, Author-email,
 * License (or License-Expression for metadata 2.4 and later), Location,
 * Editable project location (when editable), Requires, Required-by
 * </pre>
 *
 * then with verbose Metadata-Version, Installer, Classifiers, Entry-points and Project-URLs,
 * and with files the recorded files relative to the location, sorted. Home-page falls back
 * to a {@code Project-URL} labelled "homepage" (in any spelling). Requires and Required-by
 * use the dependencies that apply in the environment with no extra.
 *
 * <p>Names not installed are reported in one warning; the exit code is an error only when
 * nothing was shown.
 */
public final class Show {
    private static final String PUNCTUATION_AND_SPACE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u000b\f";

    private Show() {}

    /**
     * @param names the names asked for, in any spelling; shown in this order
     * @param files also list the recorded files ({@code --files})
     * @param verbose also metadata version, installer, classifiers, entry points, project URLs
     */
    public static CommandOutput render(InstalledDistributions installed, List<String> names, boolean files,
            boolean verbose, MarkerEnvironment environment) {
        if (names.isEmpty()) {
            return CommandOutput.of(List.of(), List.of("ERROR: Please provide a package name or names."),
                    CommandOutput.ERROR);
        }
        List<String> warnings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (installed.get(n).isEmpty()) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            missing.sort(PyText.CODE_POINT_ORDER);
            warnings.add("Package(s) not found: " + String.join(", ", missing));
        }
        List<String> lines = new ArrayList<>();
        boolean shown = false;
        for (String n : names) {
            Optional<InstalledDistribution> d = installed.get(n);
            if (d.isEmpty()) {
                continue;
            }
            if (shown) {
                lines.add("---");
            }
            shown = true;
            describe(d.get(), installed, files, verbose, environment, lines);
        }
        return CommandOutput.of(lines, warnings, shown ? CommandOutput.SUCCESS : CommandOutput.ERROR);
    }

    private static void describe(InstalledDistribution dist, InstalledDistributions installed, boolean files,
            boolean verbose, MarkerEnvironment environment, List<String> out) {
        RawMetadata m = dist.metadata();
        String metadataVersion = header(m, MetadataField.METADATA_VERSION);
        String licenseExpression = header(m, MetadataField.LICENSE_EXPRESSION);
        out.add("Name: " + dist.displayName());
        out.add("Version: " + dist.rawVersion());
        out.add("Summary: " + header(m, MetadataField.SUMMARY));
        out.add("Home-page: " + homePage(m));
        out.add("Author: " + header(m, MetadataField.AUTHOR));
        out.add("Author-email: " + header(m, MetadataField.AUTHOR_EMAIL));
        if (atLeast24(metadataVersion) && !licenseExpression.isEmpty()) {
            out.add("License-Expression: " + licenseExpression);
        } else {
            out.add("License: " + header(m, MetadataField.LICENSE));
        }
        out.add("Location: " + dist.location());
        dist.editableProjectLocation().ifPresent(l -> out.add("Editable project location: " + l));
        out.add("Requires: " + String.join(", ", requires(dist, environment)));
        out.add("Required-by: " + String.join(", ", requiredBy(dist, installed, environment)));
        if (verbose) {
            out.add("Metadata-Version: " + metadataVersion);
            out.add("Installer: " + dist.installer().orElse(""));
            out.add("Classifiers:");
            MetadataHeaders.all(m, MetadataField.CLASSIFIER).forEach(c -> out.add("  " + c));
            out.add("Entry-points:");
            dist.readText("entry_points.txt")
                    .ifPresent(t -> PyText.splitLines(t).forEach(l -> out.add("  " + PyText.strip(l))));
            out.add("Project-URLs:");
            MetadataHeaders.all(m, MetadataField.PROJECT_URL).forEach(u -> out.add("  " + u));
        }
        if (files) {
            out.add("Files:");
            Optional<List<String>> entries = dist.declaredEntries();
            if (entries.isEmpty()) {
                out.add("Cannot locate RECORD or installed-files.txt");
            } else {
                entries.get().stream().sorted(PyText.CODE_POINT_ORDER).forEach(f -> out.add("  " + PyText.strip(f)));
            }
        }
    }

    private static String header(RawMetadata m, MetadataField field) {
        return MetadataHeaders.first(m, field).orElse("");
    }

    /** Whether a Metadata-Version reads as 2.4 or later (compared as a tuple of numbers). */
    private static boolean atLeast24(String metadataVersion) {
        if (metadataVersion.isEmpty()) {
            return false;
        }
        String[] parts = metadataVersion.split("\\.", -1);
        try {
            int major = Integer.parseInt(parts[0].strip());
            int minor = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : -1;
            return major > 2 || (major == 2 && minor >= 4);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Home-page, or the URL of a Project-URL whose label, without punctuation and spaces, is "homepage". */
    private static String homePage(RawMetadata m) {
        String home = header(m, MetadataField.HOME_PAGE);
        if (!home.isEmpty()) {
            return home;
        }
        for (String entry : MetadataHeaders.all(m, MetadataField.PROJECT_URL)) {
            int comma = entry.indexOf(',');
            if (comma < 0) {
                continue;
            }
            StringBuilder label = new StringBuilder();
            entry.substring(0, comma).chars()
                    .filter(c -> PUNCTUATION_AND_SPACE.indexOf(c) < 0)
                    .forEach(label::appendCodePoint);
            if (PyText.lower(label.toString()).equals("homepage")) {
                return PyText.strip(entry.substring(comma + 1));
            }
        }
        return "";
    }

    /** The names of the applicable dependencies, once each, sorted ignoring case; the raw strings if one is invalid. */
    private static List<String> requires(InstalledDistribution dist, MarkerEnvironment environment) {
        try {
            Set<String> names = new LinkedHashSet<>();
            for (Requirement r : dist.dependencies(environment)) {
                names.add(r.name());
            }
            return names.stream().sorted(PyText.LOWER_ORDER).toList();
        } catch (InvalidRequirementException e) {
            return dist.requiresText().stream().sorted(PyText.LOWER_ORDER).toList();
        }
    }

    /** The installed distributions that depend on {@code dist}; {@code #N/A} if some dependencies cannot be read. */
    private static List<String> requiredBy(InstalledDistribution dist, InstalledDistributions installed,
            MarkerEnvironment environment) {
        List<String> names = new ArrayList<>();
        try {
            for (InstalledDistribution other : installed.inPathOrder()) {
                for (Requirement r : other.dependencies(environment)) {
                    if (ProjectName.canonicalize(r.name()).equals(dist.name().toString())) {
                        names.add(MetadataHeaders.first(other.metadata(), MetadataField.NAME)
                                .filter(n -> !n.isEmpty()).orElse("UNKNOWN"));
                        break;
                    }
                }
            }
        } catch (InvalidRequirementException e) {
            return List.of("#N/A");
        }
        names.sort(PyText.LOWER_ORDER);
        return names;
    }
}
