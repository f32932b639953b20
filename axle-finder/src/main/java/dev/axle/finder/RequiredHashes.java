package dev.axle.finder;

import dev.axle.pep.ProjectName;
import dev.axle.resolver.python.PythonProvider;
import dev.axle.resolver.requirements.Hash;
import dev.axle.resolver.requirements.RequirementEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * pip's hash-checking mode: on when {@code --require-hashes} is given or any requirement has a
 * {@code --hash}. Then every distribution to be installed must be pinned ({@code ==V} or
 * {@code ===V}, or a direct reference) and have hashes among the requirements, and every file
 * must match one of its project's hashes, checked after download and before anything is installed.
 */
public final class RequiredHashes {
    private final Map<ProjectName, List<Hash>> hashes;
    private final Set<ProjectName> pinned;

    private RequiredHashes(Map<ProjectName, List<Hash>> hashes, Set<ProjectName> pinned) {
        this.hashes = hashes;
        this.pinned = pinned;
    }

    /** Hash-checking mode for these requirement lines, if it is on. */
    public static Optional<RequiredHashes> of(List<RequirementEntry> entries, boolean requireHashes) {
        Map<ProjectName, List<Hash>> hashes = new LinkedHashMap<>();
        Set<ProjectName> pinned = new HashSet<>();
        boolean any = requireHashes;
        for (RequirementEntry e : entries) {
            if (e.name().isEmpty()) {
                continue;
            }
            ProjectName project = ProjectName.parse(e.name().get());
            List<Hash> given = new ArrayList<>(e.hashes());
            e.reference().flatMap(r -> r.hash()).ifPresent(given::add);
            if (!e.hashes().isEmpty()) {
                any = true;
            }
            hashes.computeIfAbsent(project, k -> new ArrayList<>()).addAll(given);
            if (e.reference().isPresent() || PythonProvider.pinned(e.specifier()).isPresent()) {
                pinned.add(project);
            }
        }
        return any ? Optional.of(new RequiredHashes(hashes, pinned)) : Optional.empty();
    }

    /**
     * What keeps {@code candidates} from being installed in this mode, one line each: not
     * pinned, or without hashes. Empty when all is well.
     */
    public List<String> unchecked(List<FoundCandidate> candidates) {
        List<String> problems = new ArrayList<>();
        for (FoundCandidate c : candidates) {
            if (!pinned.contains(c.project())) {
                problems.add(c.project() + " " + c.version() + ": not pinned; require it as " + c.project() + "=="
                        + c.version() + " with its --hash");
            } else if (hashes.getOrDefault(c.project(), List.of()).isEmpty()) {
                problems.add(c.project() + " " + c.version() + ": no --hash given for it"
                        + c.file().hashes().entrySet().stream().filter(h -> h.getKey().equals("sha256")).findFirst()
                                .map(h -> " (the index lists --hash=sha256:" + h.getValue() + ")").orElse(""));
            }
        }
        return problems;
    }

    /** The files that match none of their project's hashes, one line each with what was expected and found. */
    public List<String> mismatches(List<FoundCandidate> candidates, List<Path> files) throws IOException {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            FoundCandidate c = candidates.get(i);
            Path file = files.get(i);
            List<Hash> expected = hashes.getOrDefault(c.project(), List.of());
            Map<String, String> actual = new LinkedHashMap<>();
            boolean matched = false;
            for (Hash h : expected) {
                String digest = actual.computeIfAbsent(h.algorithm(), a -> digest(file, a));
                matched |= digest.equals(h.digest());
            }
            if (!matched) {
                problems.add(c.file().filename() + ": expected " + expected.stream().map(Hash::toString).toList()
                        + ", got " + actual.entrySet().stream().map(a -> a.getKey() + ":" + a.getValue()).toList());
            }
        }
        return problems;
    }

    private static String digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm.replace("sha", "SHA-"));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
