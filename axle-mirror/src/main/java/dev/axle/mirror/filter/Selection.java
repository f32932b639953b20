package dev.axle.mirror.filter;

import dev.axle.index.DistributionFile;
import java.util.List;

/**
 * What of a project page is mirrored.
 *
 * @param files    the files, in page order
 * @param versions the versions to list (PEP 700), the page's own where it gives them
 */
public record Selection(List<DistributionFile> files, List<String> versions) {
    public Selection {
        files = List.copyOf(files);
        versions = List.copyOf(versions);
    }
}
