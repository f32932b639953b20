package dev.axle.cli;

import picocli.CommandLine.Mixin;

/** A command that works on one Python environment, chosen by {@link EnvironmentOptions}. */
abstract class EnvironmentCommand extends CacheUsingCommand {
    @Mixin
    EnvironmentOptions where;
}
