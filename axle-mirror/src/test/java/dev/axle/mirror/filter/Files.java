package dev.axle.mirror.filter;

import dev.axle.index.CoreMetadata;
import dev.axle.index.DistributionFile;
import dev.axle.index.Yanked;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Page files for filter tests: a name, and a size when given. */
final class Files {
    private Files() {}

    static DistributionFile file(String filename) {
        return DistributionFile.of(filename, URI.create("https://files.example/" + filename), Map.of());
    }

    static DistributionFile file(String filename, long size) {
        return new DistributionFile(filename, URI.create("https://files.example/" + filename), Map.of(),
                Optional.empty(), Yanked.NO, CoreMetadata.ABSENT, Optional.empty(), Optional.of(size), Optional.empty());
    }

    static ListedFile listed(String filename) {
        return ListedFile.of(file(filename));
    }
}
