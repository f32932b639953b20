package dev.axle.installer.tx;

import static dev.axle.installer.tx.SampleEnvironment.SITE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests on a fresh {@link SampleEnvironment}, with its tree as it was before the test. */
abstract class SampleEnvironmentTest {
    @TempDir
    Path root;

    Path site;
    Map<String, String> before;
    RecordingListener listener = new RecordingListener();

    @BeforeEach
    void populate() throws IOException {
        SampleEnvironment.populate(root);
        site = root.resolve(SITE);
        before = FileTree.of(root);
    }
}
