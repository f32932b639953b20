package dev.axle.cli;

import dev.axle.installer.cache.LinkMode;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --link-mode}. */
final class LinkModeConverter implements ITypeConverter<LinkMode> {
    @Override
    public LinkMode convert(String value) {
        return LinkMode.parse(value);
    }
}
