package dev.axle.resolver.pubgrub;

/**
 * How an explanation names packages and their version sets, so that callers can write
 * {@code foo>=1.0} or {@code foo (>=1.0)} in their ecosystem's own style.
 */
public interface TermFormatter<P, S> {

    /** The package alone, as in "every version of foo". */
    String name(P pkg);

    /** The package restricted to {@code versions}, never the full set, as in "foo >=1.0". */
    String versions(P pkg, S versions);

    /** {@code toString} of both, separated by a space. */
    static <P, S> TermFormatter<P, S> plain() {
        return new TermFormatter<>() {
            @Override
            public String name(P pkg) {
                return pkg.toString();
            }

            @Override
            public String versions(P pkg, S versions) {
                return pkg + " " + versions;
            }
        };
    }
}
