package dev.axle.index;

import dev.axle.pep.ProjectName;
import java.util.List;
import java.util.Objects;

/**
 * The index's root page ({@code <index>/}): every project it has, in either form.
 *
 * @param apiVersion the repository version the page declares (1.0 for HTML without one)
 * @param projects   the projects, in page order
 */
public record ProjectList(ApiVersion apiVersion, List<Project> projects) {

    public ProjectList {
        Objects.requireNonNull(apiVersion, "apiVersion");
        projects = List.copyOf(projects);
    }

    /**
     * One project on the list.
     *
     * @param name           as the page gives it
     * @param normalizedName normalized without validation ({@link ProjectName#canonicalize(String)}),
     *                       so that one odd legacy name does not make a whole index unreadable
     */
    public record Project(String name, String normalizedName) {
        public Project {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(normalizedName, "normalizedName");
        }

        public static Project of(String name) {
            return new Project(name, ProjectName.canonicalize(name));
        }
    }
}
