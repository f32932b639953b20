package dev.axle.cli;

import picocli.CommandLine.Option;

/** {@code -q} and {@code -v}. */
final class OutputOptions {
    @Option(names = {"-q", "--quiet"}, description = "Print only errors")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print details of the work")
    boolean verbose;
}
