package dev.axle.server.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
    @Test
    void locationsParse() {
        record Case(String text, String bucket, String prefix, String canonical) {}
        for (Case c : List.of(
                new Case("s3://bucket", "bucket", "", "s3://bucket"),
                new Case("s3://bucket/", "bucket", "", "s3://bucket"),
                new Case("S3://my.bucket-1/a/b/", "my.bucket-1", "a/b", "s3://my.bucket-1/a/b"),
                new Case("s3://abc/axle", "abc", "axle", "s3://abc/axle"))) {
            S3Location location = S3Location.parse(c.text());
            assertThat(location).as(c.text()).isEqualTo(new S3Location(c.bucket(), c.prefix()));
            assertThat(location.toString()).isEqualTo(c.canonical());
            assertThat(S3Location.parse(location.toString())).isEqualTo(location);
        }
        assertThat(S3Location.parse("s3://b12/x").keyPrefix()).isEqualTo("x/");
        assertThat(S3Location.parse("s3://b12").keyPrefix()).isEmpty();
    }

    @Test
    void badLocationsSayWhy() {
        record Case(String text, String message) {}
        for (Case c : List.of(
                new Case("https://bucket/x", "invalid S3 location 'https://bucket/x': expected s3://bucket"),
                new Case("s3://", "invalid S3 location 's3://': invalid S3 bucket name ''"),
                new Case("s3://Upper", "invalid S3 bucket name 'Upper': a bucket name has 3 to 63"),
                new Case("s3://ab", "invalid S3 bucket name 'ab'"),
                new Case("s3://a..b", "invalid S3 bucket name 'a..b'"),
                new Case("s3://bucket//x", "invalid S3 key prefix '/x'"),
                new Case("s3://bucket/a/../b", "invalid S3 key prefix 'a/../b'"))) {
            assertThatThrownBy(() -> S3Location.parse(c.text())).as(c.text())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.message());
        }
    }

    @Test
    void settingsHaveDefaultsAndCheckTheirValues() {
        S3Settings settings = S3Settings.parse("s3://bucket/p");
        assertThat(settings.partSize()).isEqualTo(16L << 20);
        assertThat(settings.addressing()).isEqualTo(S3Settings.Addressing.VIRTUAL_HOST);
        assertThat(settings.downloads()).isEqualTo(S3Settings.Downloads.PROXY);
        assertThat(settings.credentials()).isEmpty();
        S3Settings changed = settings.withCredentials("AKIA1", "very-secret").withEndpoint(URI.create("http://minio:9000"))
                .withRegion("eu-west-1");
        assertThat(changed.toString()).contains("AKIA1").doesNotContain("very-secret");
        assertThatThrownBy(() -> settings.withPartSize(1 << 20)).hasMessageContaining("S3 part size 1048576 is out of range");
        assertThatThrownBy(() -> settings.withEndpoint(URI.create("ftp://x"))).hasMessageContaining("invalid S3 endpoint 'ftp://x'");
        assertThatThrownBy(() -> settings.withCredentials("", "x")).hasMessageContaining("access key id");
    }
}
