package dev.axle.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the standard streams are a terminal, which decides if progress bars are drawn. */
final class Terminal {
    private Terminal() {}

    /**
     * True when axle runs on an interactive terminal. From JDK 22 {@link System#console()} also
     * answers when the streams are redirected, and {@code Console.isTerminal()} (JDK 22+,
     * reached reflectively since axle compiles for 21) tells the two apart; on 21 a console
     * exists only for a terminal. {@code TERM=dumb} counts as no terminal.
     */
    static boolean isInteractive() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
