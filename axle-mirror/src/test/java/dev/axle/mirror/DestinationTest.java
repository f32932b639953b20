package dev.axle.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The forms {@code --dest} takes, and the messages for those it does not. */
class DestinationTest {
    private static final Path CWD = Path.of("/work/here");

    @Test
    void foldersRelativeAbsoluteAndFileUrls() {
        assertThat(Destination.parse("mirror", CWD)).isEqualTo(new Destination.Folder(Path.of("/work/here/mirror")));
        assertThat(Destination.parse("/srv/pypi/", CWD)).isEqualTo(new Destination.Folder(Path.of("/srv/pypi")));
        assertThat(Destination.parse("file:///srv/pypi", CWD)).isEqualTo(new Destination.Folder(Path.of("/srv/pypi")));
    }

    @Test
    void axleIndexesWithTheDefaultIndexMain() {
        assertThat(Destination.parse("axle:idx", CWD))
                .isEqualTo(new Destination.AxleIndex(Path.of("/work/here/idx"), "main"));
        assertThat(Destination.parse("axle:/srv/axle#team", CWD))
                .isEqualTo(new Destination.AxleIndex(Path.of("/srv/axle"), "team"));
        assertThatThrownBy(() -> Destination.parse("axle:", CWD)).hasMessageContaining("axle: needs the server's folder");
        assertThatThrownBy(() -> Destination.parse("axle:/srv#simple", CWD))
                .hasMessageContaining("'simple' cannot name an index");
    }

    @Test
    void s3BucketsAndPrefixes() {
        assertThat(Destination.parse("s3://my-bucket/pypi/mirror/", CWD))
                .isEqualTo(new Destination.S3("my-bucket", "pypi/mirror"));
        assertThat(Destination.parse("s3://my-bucket", CWD)).isEqualTo(new Destination.S3("my-bucket", ""));
        assertThatThrownBy(() -> Destination.parse("s3://UPPER/x", CWD)).hasMessageContaining("no S3 bucket name");
    }

    @Test
    void unknownFormsSayWhatIsTaken() {
        assertThatThrownBy(() -> Destination.parse("gs://bucket/x", CWD))
                .isInstanceOf(Destination.InvalidDestinationException.class)
                .hasMessage("--dest 'gs://bucket/x': 'gs' destinations are not supported. Give a folder (a static index),"
                        + " s3://BUCKET/PREFIX, or axle:ROOT[#INDEX] (an axle server's folder and index)");
        assertThatThrownBy(() -> Destination.parse("  ", CWD)).hasMessageContaining("it is empty");
    }
}
