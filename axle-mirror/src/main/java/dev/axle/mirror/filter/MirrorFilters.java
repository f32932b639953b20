package dev.axle.mirror.filter;

import dev.axle.index.DistributionFile;
import dev.axle.index.ProjectPage;
import dev.axle.pep.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every filter of a mirror. A project's files are selected in three steps: the project filter
 * decides whether it is mirrored at all; each file filter must accept a file; then the release
 * filters, in order, narrow the versions that still have files (pre-releases out, a
 * resolution's pins, the newest N), and only files of the versions left stay. A file whose
 * name tells no version is kept only when there are no release filters. A project that
 * {@code --allow} or {@code --allow-regex} names is not narrowed to a resolution's pins.
 *
 * <p>{@link #toString()} is canonical: the mirror records it, and a sync with other filters
 * than the last one looks at every project again.
 */
public record MirrorFilters(ProjectFilter projects, List<FileFilter> files, List<ReleaseFilter> releases) {
    /** No filter: everything is mirrored. */
    public static final MirrorFilters NONE = new MirrorFilters(ProjectFilter.ALL, List.of(), List.of());

    public MirrorFilters {
        Objects.requireNonNull(projects, "projects");
        files = List.copyOf(files);
        releases = List.copyOf(releases);
    }

    /** Whether the project named {@code normalizedName} is mirrored. */
    public boolean acceptsProject(String normalizedName) {
        return projects.accepts(normalizedName);
    }

    /** The files and versions of {@code page} to mirror. */
    public Selection select(ProjectPage page) {
        String project = page.normalizedName().toString();
        List<ListedFile> kept = new ArrayList<>();
        for (DistributionFile file : page.files()) {
            ListedFile listed = ListedFile.of(file);
            if (files.stream().allMatch(f -> f.accepts(listed))) {
                kept.add(listed);
            }
        }
        List<ReleaseFilter> applied = releases.stream()
                .filter(r -> !(r instanceof PinnedFilter && projects.explicitlyAllows(project))).toList();
        List<String> versions = page.versions().isEmpty() ? versionsOf(page) : page.versions();
        if (applied.isEmpty()) {
            return new Selection(kept.stream().map(ListedFile::file).toList(), versions);
        }
        SortedSet<Version> withFiles = new TreeSet<>();
        kept.forEach(f -> f.version().ifPresent(withFiles::add));
        SortedSet<Version> left = withFiles;
        for (ReleaseFilter filter : applied) {
            left = filter.keep(project, left);
        }
        Set<Version> chosen = left;
        return new Selection(
                kept.stream().filter(f -> f.version().filter(chosen::contains).isPresent()).map(ListedFile::file).toList(),
                versions.stream().filter(v -> Version.tryParse(v).filter(chosen::contains).isPresent()).toList());
    }

    /** A page without PEP 700's list (HTML): the versions its files' names tell, in PEP 440 order. */
    private static List<String> versionsOf(ProjectPage page) {
        Set<Version> versions = new TreeSet<>();
        page.files().forEach(f -> ListedFile.of(f).version().ifPresent(versions::add));
        Set<String> out = new LinkedHashSet<>();
        versions.forEach(v -> out.add(v.toString()));
        return List.copyOf(out);
    }

    /** The size limit among the file filters, for files whose page gives no size. */
    public Optional<SizeFilter> sizeLimit() {
        return files.stream().filter(SizeFilter.class::isInstance).map(SizeFilter.class::cast).findFirst();
    }

    @Override
    public String toString() {
        return projects + " files" + files + " releases" + releases;
    }
}
