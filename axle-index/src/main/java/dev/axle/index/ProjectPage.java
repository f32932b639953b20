package dev.axle.index;

import dev.axle.pep.ProjectName;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A project's page in the simple repository API ({@code <index>/<project>/}), in either form.
 *
 * @param name           the project name as the page gives it: JSON's {@code name}; for HTML,
 *                       which does not name the project, the last segment of the page's URL
 * @param normalizedName the same name normalized
 * @param apiVersion     the repository version the page declares (1.0 for HTML without one)
 * @param files          the files, in page order
 * @param versions       every version the project has (PEP 700, JSON 1.1), including those
 *                       without files; empty when the page does not say
 * @param lastSerial     the serial of the project's last change: JSON's {@code meta._last-serial},
 *                       else the response's {@code X-PyPI-Last-Serial} header; empty when neither says
 */
public record ProjectPage(String name, ProjectName normalizedName, ApiVersion apiVersion,
        List<DistributionFile> files, List<String> versions, OptionalLong lastSerial) {

    public ProjectPage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(normalizedName, "normalizedName");
        Objects.requireNonNull(apiVersion, "apiVersion");
        files = List.copyOf(files);
        versions = List.copyOf(versions);
        Objects.requireNonNull(lastSerial, "lastSerial");
    }

    /** A page that gives no serial. */
    public ProjectPage(String name, ProjectName normalizedName, ApiVersion apiVersion, List<DistributionFile> files,
            List<String> versions) {
        this(name, normalizedName, apiVersion, files, versions, OptionalLong.empty());
    }

    /** This page with {@code serial} as its serial, unless it gives one itself. */
    public ProjectPage withSerialIfAbsent(OptionalLong serial) {
        return lastSerial.isPresent() || serial.isEmpty() ? this
                : new ProjectPage(name, normalizedName, apiVersion, files, versions, serial);
    }

    /**
     * A page for the project {@code name}.
     *
     * @throws dev.axle.pep.InvalidNameException if {@code name} is not a valid project name
     */
    public static ProjectPage of(String name, ApiVersion apiVersion, List<DistributionFile> files,
            List<String> versions) {
        return new ProjectPage(name, ProjectName.parse(name), apiVersion, files, versions);
    }
}
