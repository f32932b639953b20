package dev.axle.build;

import dev.axle.pep.Requirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The Python environment one build runs in: its interpreter, and how more requirements get into it. */
public interface BuildEnvironment extends AutoCloseable {
    /** The interpreter the hooks run with. */
    Path python();

    /** The process environment of the hooks. */
    Map<String, String> variables();

    /** Installs what a {@code get_requires_for_build_*} hook asked for (nothing when already there). */
    void install(List<Requirement> requirements) throws IOException, BuildException;

    /** Removes what the environment made; never fails. */
    @Override
    void close();
}
