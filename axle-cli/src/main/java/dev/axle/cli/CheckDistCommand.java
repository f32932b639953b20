package dev.axle.cli;

import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.dist.DistributionKind;
import dev.axle.installer.removal.Removal;
import dev.axle.installer.removal.RemovalListener;
import dev.axle.installer.wheel.InvalidWheelException;
import dev.axle.installer.wheel.WheelArchive;
import dev.axle.pep.MetadataField;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code axle check-dist}: what {@code twine check} checks before an upload (the file name,
 * the archive, its core metadata and its long description's declared type) and, for wheels,
 * that every file matches its RECORD line, as an installer will check it.
 */
@Command(name = "check-dist", mixinStandardHelpOptions = true,
        description = "Check wheels and sdists before publishing: file name, archive, core metadata, and each wheel's"
                + " files against its RECORD.")
final class CheckDistCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The wheels and sdists to check (e.g. dist/*)")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path cwd = Path.of("").toAbsolutePath();
        int failed = 0;
        for (Path f : files) {
            Path file = cwd.resolve(f).normalize();
            List<String> problems = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            if (!Files.isRegularFile(file)) {
                problems.add("no such file");
            } else {
                check(file, problems, warnings);
            }
            String verdict = !problems.isEmpty() ? "FAILED" : warnings.isEmpty() ? "PASSED" : "PASSED with warnings";
            out.println("Checking " + f + ": " + verdict);
            problems.forEach(p -> out.println("  error: " + p));
            warnings.forEach(w -> out.println("  warning: " + w));
            if (!problems.isEmpty()) {
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static void check(Path file, List<String> problems, List<String> warnings) throws IOException {
        Distribution d;
        try {
            d = Distribution.inspect(file, file.getFileName().toString());
        } catch (DistributionException e) {
            problems.add(e.getMessage());
            return;
        }
        if (d.metadata().string(MetadataField.DESCRIPTION).filter(s -> !s.isBlank()).isEmpty()) {
            warnings.add("no long description (the project page will be empty): set readme in pyproject.toml");
        } else if (!d.metadata().has(MetadataField.DESCRIPTION_CONTENT_TYPE)) {
            warnings.add("no Description-Content-Type: indexes render the description as reStructuredText;"
                    + " declare its type (readme's content-type in pyproject.toml)");
        }
        if (d.kind() == DistributionKind.WHEEL) {
            Path tree = Files.createTempDirectory("axle-check-dist-");
            try (WheelArchive wheel = WheelArchive.open(file)) {
                wheel.extract(tree.resolve("tree"), d.digests().sha256(), bytes -> {});
            } catch (InvalidWheelException e) {
                problems.add(e.getMessage());
            } finally {
                Removal.deleteTree(tree, RemovalListener.NONE);
            }
        }
    }
}
