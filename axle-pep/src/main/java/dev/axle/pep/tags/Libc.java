package dev.axle.pep.tags;

/**
 * The C library a Linux interpreter is linked against, which decides its
 * {@code manylinux} (glibc, PEP 600) or {@code musllinux} (musl, PEP 656) tags.
 */
public sealed interface Libc permits Libc.Glibc, Libc.Musl {
    /** GNU libc {@code major.minor}, such as 2.35. */
    record Glibc(int major, int minor) implements Libc {}

    /** musl {@code major.minor}, such as 1.2. */
    record Musl(int major, int minor) implements Libc {}

    static Libc glibc(int major, int minor) {
        return new Glibc(major, minor);
    }

    static Libc musl(int major, int minor) {
        return new Musl(major, minor);
    }
}
