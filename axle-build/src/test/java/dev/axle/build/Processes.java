package dev.axle.build;

import java.io.IOException;

/** Running a helper program in a test. */
final class Processes {
    private Processes() {}

    /** Whether {@code command} runs and exits with 0 (its output discarded); false if it cannot start. */
    static boolean succeeds(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
