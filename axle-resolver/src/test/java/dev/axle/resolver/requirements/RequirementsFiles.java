package dev.axle.resolver.requirements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes requirements files into a test's folder and parses them with the local reader. */
final class RequirementsFiles {
    private final Path folder;
    private final Map<String, String> environment;

    RequirementsFiles(Path folder) {
        this(folder, Map.of());
    }

    RequirementsFiles(Path folder, Map<String, String> environment) {
        this.folder = folder;
        this.environment = environment;
    }

    Path write(String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ParsedRequirements parse(String name, String text) {
        return parse(write(name, text));
    }

    ParsedRequirements parse(Path file) {
        return new RequirementsParser(RequirementsReader.localFiles(), environment).parseRequirements(Location.of(file));
    }

    /** The one entry of a one-line file. */
    RequirementEntry entry(String line) {
        return parse("requirements.txt", line + "\n").entries().getFirst();
    }
}
