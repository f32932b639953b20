package dev.axle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What a run of the command line in-process gave: exit code, stdout and stderr. */
record Transcript(int exitCode, String out, String err) {
    /** Runs axle with {@code args} in this JVM. */
    static Transcript of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Axle.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Transcript(exitCode, out.toString(), err.toString());
    }
}
