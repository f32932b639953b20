package dev.axle.pep.tags;

import java.util.List;
import java.util.Objects;

/**
 * Any other system (FreeBSD, Solaris, ...), known by its {@code sysconfig.get_platform()}
 * text, such as {@code freebsd-14.1-RELEASE-amd64}; its only tag is that text normalized.
 */
public record OtherPlatform(String sysconfigPlatform) implements Platform {
    public OtherPlatform {
        Objects.requireNonNull(sysconfigPlatform, "sysconfigPlatform");
    }

    @Override
    public List<String> platformTags() {
        return List.of(Platform.normalize(sysconfigPlatform));
    }
}
