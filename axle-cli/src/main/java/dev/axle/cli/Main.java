package dev.axle.cli;

/** Entry point of {@code bin/axle}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Axle.run(args));
    }
}
