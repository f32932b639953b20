package dev.axle.env;

import java.util.List;

/** No interpreter satisfies a request; the message lists where axle looked and what it saw. */
public final class InterpreterNotFoundException extends EnvironmentException {
    private static final long serialVersionUID = 1L;

    private final transient PythonRequest request;
    private final List<String> searched;

    public InterpreterNotFoundException(PythonRequest request, List<String> searched, List<String> seen) {
        super(message(request, searched, seen));
        this.request = request;
        this.searched = List.copyOf(searched);
    }

    /** The request that was not satisfied. */
    public PythonRequest request() {
        return request;
    }

    /** The places searched, in order. */
    public List<String> searched() {
        return searched;
    }

    private static String message(PythonRequest request, List<String> searched, List<String> seen) {
        StringBuilder b = new StringBuilder("no Python interpreter found for '").append(request).append("'");
        if (!searched.isEmpty()) {
            b.append("\nsearched:");
            searched.forEach(s -> b.append("\n  ").append(s));
        }
        if (!seen.isEmpty()) {
            b.append("\nfound, but not matching:");
            seen.forEach(s -> b.append("\n  ").append(s));
        }
        b.append("\nInstall a matching Python, or pass its path with --python /path/to/python.");
        return b.toString();
    }
}
