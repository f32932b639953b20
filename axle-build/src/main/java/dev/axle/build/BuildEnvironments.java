package dev.axle.build;

import dev.axle.pep.Requirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where builds run: an isolated environment per build, or an existing interpreter. */
public interface BuildEnvironments {
    /** An environment holding {@code requires} (the backend's), for one build. */
    BuildEnvironment prepare(List<Requirement> requires) throws IOException, BuildException;

    /**
     * The interpreter {@code python} as it is (no build isolation, as {@code pip
     * --no-build-isolation}): nothing is installed into it; the build requirements must be there.
     */
    static BuildEnvironments existing(Path python, Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        BuildEnvironment environment = new BuildEnvironment() {
            @Override
            public Path python() {
                return python;
            }

            @Override
            public Map<String, String> variables() {
                return copy;
            }

            @Override
            public void install(List<Requirement> requirements) {
                // Not isolated: what the backend asks for is the user's to provide.
            }

            @Override
            public void close() {}
        };
        return requires -> environment;
    }
}
