package dev.axle.finder;

import dev.axle.index.DistributionFile;
import dev.axle.index.DownloadListener;
import dev.axle.index.FindLinks;
import dev.axle.index.Index;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a found file is fetched from: an index, or a find-links location. */
public sealed interface FileOrigin {

    /** The index's PEP 658 metadata file for {@code file}, if it offers one. */
    Optional<byte[]> coreMetadata(DistributionFile file) throws IOException;

    /** A wheel's METADATA read from the wheel itself (range requests, or the local file). */
    byte[] wheelMetadata(DistributionFile wheel) throws IOException;

    /** Downloads {@code file} to {@code target}, verified against the hashes given for it. */
    void download(DistributionFile file, Path target, DownloadListener listener) throws IOException;

    /** An index's simple API. */
    record OfIndex(Index index) implements FileOrigin {
        @Override
        public Optional<byte[]> coreMetadata(DistributionFile file) throws IOException {
            return index.coreMetadata(file);
        }

        @Override
        public byte[] wheelMetadata(DistributionFile wheel) throws IOException {
            return index.wheelMetadata(wheel).bytes();
        }

        @Override
        public void download(DistributionFile file, Path target, DownloadListener listener) throws IOException {
            index.download(file, target, listener);
        }

        @Override
        public String toString() {
            return index.url().toString();
        }
    }

    /** A find-links folder or page: no metadata files. */
    record OfLinks(FindLinks links) implements FileOrigin {
        @Override
        public Optional<byte[]> coreMetadata(DistributionFile file) {
            return Optional.empty();
        }

        @Override
        public byte[] wheelMetadata(DistributionFile wheel) throws IOException {
            return links.wheelMetadata(wheel, DownloadListener.NONE).bytes();
        }

        @Override
        public void download(DistributionFile file, Path target, DownloadListener listener) throws IOException {
            links.download(file, target, listener);
        }

        @Override
        public String toString() {
            return links.location().toString();
        }
    }
}
