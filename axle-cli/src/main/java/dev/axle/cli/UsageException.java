package dev.axle.cli;

/** A request axle cannot carry out as given; the message says what to do instead. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
