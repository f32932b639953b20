package dev.axle.lock;

/**
 * A {@code pylock.toml} document that does not follow PEP 751: a missing or mistyped key,
 * an unparseable version, specifier or marker, a package without exactly one kind of
 * source, a wheel or sdist whose file name disagrees with the package.
 *
 * <p>The message reads as packaging's {@code PylockValidationError} does: what is wrong,
 * then where, as the key path from the document's root, e.g.
 * {@code Missing required value in 'packages[0].wheels[1].hashes'}.
 */
public class PylockValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String keyPath;

    public PylockValidationException(String problem) {
        this(problem, null);
    }

    public PylockValidationException(String problem, String keyPath) {
        super(problem);
        this.problem = problem;
        this.keyPath = keyPath == null || keyPath.isEmpty() ? null : keyPath;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    /** Where, as a key path such as {@code packages[0].sdist}; null for the document as a whole. */
    public String keyPath() {
        return keyPath;
    }

    /** This problem seen from one level up: {@code key} prefixed to the key path. */
    PylockValidationException under(String key) {
        String path = keyPath == null ? key : key + "." + keyPath;
        return copy(path);
    }

    PylockValidationException copy(String path) {
        PylockValidationException e = new PylockValidationException(problem, path);
        e.setStackTrace(getStackTrace());
        return e;
    }

    @Override
    public String getMessage() {
        return keyPath == null ? problem : problem + " in " + PythonRepr.of(keyPath);
    }
}
