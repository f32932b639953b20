package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingLockTest {
    @TempDir
    Path temp;

    @Test
    void oneServerPerFolderAndTheFolderIsFreeAgainWhenItStops() throws IOException {
        try (ServerRoot root = ServerRoot.open(temp.resolve("root"))) {
            IndexServer first = IndexServer.start(root, "127.0.0.1", 0);
            Path leftover = Files.createDirectories(temp.resolve("root").resolve("tmp")).resolve("upload-in-progress");
            Files.writeString(leftover, "the first server's upload");
            try {
                assertThatThrownBy(() -> IndexServer.start(root, "127.0.0.1", 0)).isInstanceOf(IOException.class)
                        .hasMessage("another axle serve (process " + ProcessHandle.current().pid() + ") serves "
                                + temp.resolve("root") + "; stop it first, or serve another folder (--root)");
                assertThat(leftover).as("the second server swept nothing").exists();
            } finally {
                first.close();
            }
            IndexServer again = IndexServer.start(root, "127.0.0.1", 0);
            again.close();
        }
    }
}
