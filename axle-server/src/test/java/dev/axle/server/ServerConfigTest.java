package dev.axle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from a file, the environment and flags, each overriding the one before, and what is refused. */
class ServerConfigTest {
    @TempDir
    Path temp;

    @Test
    void theFolderAloneByDefault() {
        ServerConfig config = ServerConfig.of(temp, new ServerSettings());
        assertThat(config.database()).isEmpty();
        assertThat(config.storage()).isEmpty();
        assertThat(config.describe()).isEqualTo("database " + temp.resolve("index.db") + ", files " + temp.resolve(
                "files"));
    }

    @Test
    void fileThenEnvironmentThenFlags() throws IOException {
        Path file = Files.writeString(temp.resolve("serve.toml"), """
                [database]
                url = "postgresql://axle:fromfile@db.internal:5433/axle"
                pool-size = 4

                [storage]
                url = "s3://bucket/file"
                path-style = true
                """);
        ServerSettings settings = new ServerSettings().file(file)
                .environment(Map.of("AXLE_STORAGE_URL", "s3://bucket/env", "AXLE_S3_REGION", "eu-west-1"));
        ServerConfig config = ServerConfig.of(temp, settings);
        assertThat(config.database().orElseThrow().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/axle");
        assertThat(config.database().orElseThrow().user()).hasValue("axle");
        assertThat(config.database().orElseThrow().password()).hasValue("fromfile");
        assertThat(config.database().orElseThrow().poolSize()).isEqualTo(4);
        assertThat(config.storage()).hasValue("s3://bucket/env");
        assertThat(config.settings()).containsEntry("storage.path-style", "true")
                .containsEntry("storage.region", "eu-west-1");
        assertThat(config.describe()).contains("jdbc:postgresql://db.internal:5433/axle").doesNotContain("fromfile");

        settings.set("database.url", "jdbc:postgresql://other/axle?user=u&password=p");
        assertThat(ServerConfig.of(temp, settings).database().orElseThrow().jdbcUrl())
                .isEqualTo("jdbc:postgresql://other/axle?user=u&password=p");
        assertThat(ServerConfig.of(temp, settings).describe()).contains("password=***").doesNotContain("=p");
    }

    @Test
    void refusesWhatItDoesNotKnowNamingIt() throws IOException {
        Path typo = Files.writeString(temp.resolve("typo.toml"), "[database]\nurl = \"x\"\npool = 3\n");
        assertThatThrownBy(() -> new ServerSettings().file(typo)).isInstanceOf(IOException.class)
                .hasMessageContaining(typo + " sets 'database.pool', which is no server setting")
                .hasMessageContaining("database.pool-size");
        Path broken = Files.writeString(temp.resolve("broken.toml"), "[database\n");
        assertThatThrownBy(() -> new ServerSettings().file(broken)).hasMessageContaining("is not valid TOML");
        assertThatThrownBy(() -> new ServerSettings().file(temp.resolve("none.toml")))
                .hasMessageContaining("no server settings file");
        assertThatThrownBy(() -> ServerConfig.of(temp, new ServerSettings().set("database.url", "mysql://x/y")))
                .hasMessageContaining("is not a PostgreSQL URL");
        assertThatThrownBy(() -> ServerConfig.of(temp, new ServerSettings()
                .set("database.url", "postgresql://h/db").set("database.pool-size", "many")))
                .hasMessageContaining("database.pool-size 'many' is not a number");
        assertThatThrownBy(() -> new ServerSettings().set("storage.bucket", "b"))
                .hasMessageContaining("no server setting 'storage.bucket'");
        assertThat(new ServerSettings().environment(Map.of("AXLE_DATABASE_URL", " ")).values()).isEmpty();
    }
}
