package dev.axle.cli;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs, on a second thread while the main thread builds the command line, work that is slow
 * in a fresh JVM and that the main thread reaches soon after: reading the annotations of the
 * command that runs, and the JDK's and libraries' slowest static initialisers. The main thread
 * then finds that work done, or waits only for the rest of one piece of it.
 *
 * <p>Measured on JDK 25 with axle's class cache, as wall time on the main thread of a warm
 * {@code axle install}: picocli reading the command's annotations (the JDK parses each
 * annotation and makes a proxy class per annotation type) about 40 ms of the 60 ms picocli
 * takes; {@code BigDecimal}'s initialiser (Jackson's parsers reach it) 11 to 23 ms; the first
 * {@code Files.createTempFile} (its {@code SecureRandom} and the security providers behind
 * it) about 11 ms. The JDK caches a class's annotations and initialises a class once, and
 * neither has an effect beyond that, so doing them early changes only when the time is spent.
 */
final class Warmup {
    private static final String[] CLASSES = {
        "java.math.BigDecimal",
        "java.nio.file.TempFileHelper",
        "com.fasterxml.jackson.core.base.ParserMinimalBase",
    };

    private Warmup() {}

    /** Starts the warmup for {@code command}, the subcommand that will run (null: none). */
    static void start(Class<?> command) {
        Thread.ofPlatform().daemon().name("axle-warmup").start(() -> run(command));
    }

    private static void run(Class<?> command) {
        if (command != null) {
            readAnnotations(command, new HashSet<>());
        }
        ClassLoader loader = Warmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ReflectiveOperationException | LinkageError e) {
                // Only a head start: the class is initialised where it is used, or reported there.
            }
        }
    }

    /**
     * Reads the annotations picocli reads: of the class and its superclasses, their fields
     * and methods, and those of axle's own classes used as field types (mixins, argument
     * groups).
     */
    private static void readAnnotations(Class<?> type, Set<Class<?>> seen) {
        for (Class<?> c = type; c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
            c.getDeclaredAnnotations();
            for (Field f : c.getDeclaredFields()) {
                f.getDeclaredAnnotations();
                if (f.getType().getPackageName().equals(Warmup.class.getPackageName())) {
                    readAnnotations(f.getType(), seen);
                }
            }
            for (AccessibleObject m : c.getDeclaredMethods()) {
                m.getDeclaredAnnotations();
            }
        }
    }
}
