package dev.axle.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that uses axle's cache: {@code --cache-dir}, and a {@link Session} for its run. */
abstract class CacheUsingCommand {
    @Mixin
    CacheDirOption cacheOption;

    @Spec
    CommandSpec spec;

    Session session() {
        return new Session(spec, cacheOption);
    }
}
