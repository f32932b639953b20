package dev.axle.index;

import dev.axle.pep.ProjectName;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

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
     * @param lastSerial     the serial of the project's last change, where the index says
     *                       ({@code _last-serial} on each project of PyPI's JSON list; mirrors
     *                       compare it to decide what changed)
     */
    public record Project(String name, String normalizedName, OptionalLong lastSerial) {
        public Project {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(normalizedName, "normalizedName");
            Objects.requireNonNull(lastSerial, "lastSerial");
        }

        /** A project whose serial the list does not give. */
        public Project(String name, String normalizedName) {
            this(name, normalizedName, OptionalLong.empty());
        }

        public static Project of(String name) {
            return new Project(name, ProjectName.canonicalize(name));
        }

        public static Project of(String name, OptionalLong lastSerial) {
            return new Project(name, ProjectName.canonicalize(name), lastSerial);
        }
    }
}
