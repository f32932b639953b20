package dev.axle.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A static PEP 503 index written into a folder: {@code simple/holygrail/index.html} listing a
 * wheel (with a metadata file) in {@code files/}, and a second wheel whose hash on the page is
 * wrong.
 */
final class IndexTree {
    static final String WHEEL = "holygrail-1.0-py3-none-any.whl";
    static final String BAD_WHEEL = "holygrail-0.9-py3-none-any.whl";
    static final byte[] WHEEL_BYTES = "PK fake wheel bytes".getBytes(StandardCharsets.UTF_8);
    static final byte[] METADATA = "Metadata-Version: 2.1\nName: HolyGrail\nVersion: 1.0\n"
            .getBytes(StandardCharsets.UTF_8);

    private IndexTree() {}

    /** Writes the tree under {@code root}; the index is {@code root/simple/}. */
    static void write(Path root) throws IOException {
        Path files = Files.createDirectories(root.resolve("files"));
        Files.write(files.resolve(WHEEL), WHEEL_BYTES);
        Files.write(files.resolve(WHEEL + ".metadata"), METADATA);
        Files.write(files.resolve(BAD_WHEEL), WHEEL_BYTES);
        Path project = Files.createDirectories(root.resolve("simple/holygrail"));
        Files.writeString(project.resolve("index.html"), """
                <!DOCTYPE html>
                <html><body>
                  <a href="../../files/%1$s#sha256=%2$s" data-core-metadata="sha256=%3$s" \
                data-requires-python="&gt;=3.8">%1$s</a>
                  <a href="../../files/%4$s#sha256=%5$s">%4$s</a>
                </body></html>
                """.formatted(WHEEL, Digests.sha256(WHEEL_BYTES), Digests.sha256(METADATA), BAD_WHEEL, "2".repeat(64)));
        Files.writeString(root.resolve("simple/index.html"), "<a href=\"holygrail/\">holygrail</a>");
    }
}
