package dev.axle.cli;

import dev.axle.dist.Distribution;
import dev.axle.dist.DistributionException;
import dev.axle.dist.UploadForm;
import dev.axle.index.DistributionFile;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.index.ProjectPage;
import dev.axle.index.Uploader;
import dev.axle.pep.ProjectName;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code axle publish}: uploads wheels and sdists with the legacy upload API, as {@code twine
 * upload} and {@code uv publish} do. Every file is read and checked first (name, version,
 * metadata, digests), so a bad file stops the command before anything is uploaded.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Upload distributions (wheels, sdists) to a package index with the upload API twine uses.")
final class PublishCommand implements Callable<Integer> {
    static final String DEFAULT_URL = "https://upload.pypi.org/legacy/";

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The wheels and sdists to upload (e.g. dist/*)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--repository-url", paramLabel = "URL",
            description = "The upload URL (default: $AXLE_PUBLISH_URL, the ~/.pypirc repository, else " + DEFAULT_URL + ")")
    String repositoryUrl;

    @Option(names = {"-r", "--repository"}, paramLabel = "NAME",
            description = "A repository section of ~/.pypirc (default: pypi): its URL, user name and password")
    String repository;

    @Option(names = {"-t", "--token"}, paramLabel = "TOKEN",
            description = "An API token, sent as the password of user __token__ (default: $AXLE_PUBLISH_TOKEN)")
    String token;

    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "User name (default: $AXLE_PUBLISH_USERNAME)")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD", description = "Password (default: $AXLE_PUBLISH_PASSWORD)")
    String password;

    @Option(names = "--check-url", paramLabel = "INDEX",
            description = "A simple index (PEP 503/691) to look in first: files it already has with the same sha256 are"
                    + " skipped, one with other bytes is an error (default: $AXLE_PUBLISH_CHECK_URL)")
    String checkUrl;

    @Option(names = "--pypirc", paramLabel = "FILE", hidden = true, description = "The pypirc file (default: ~/.pypirc)")
    Path pypirc;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        PrintWriter out = spec.commandLine().getOut();
        Path cwd = Path.of("").toAbsolutePath();
        Path rcFile = pypirc != null ? cwd.resolve(pypirc) : Path.of(System.getProperty("user.home"), ".pypirc");
        Optional<Pypirc.Repository> fromRc = Pypirc.read(rcFile).repository(repository == null ? "pypi" : repository);
        if (repository != null && fromRc.isEmpty()) {
            throw new UsageException("no repository " + repository + " in " + rcFile);
        }
        String url = first(repositoryUrl, env.get("AXLE_PUBLISH_URL"), fromRc.flatMap(Pypirc.Repository::url).orElse(null),
                DEFAULT_URL);
        String tokenValue = first(token, env.get("AXLE_PUBLISH_TOKEN"));
        String user = first(username, env.get("AXLE_PUBLISH_USERNAME"));
        String pass = first(password, env.get("AXLE_PUBLISH_PASSWORD"));
        if (tokenValue != null) {
            if (user != null && !user.equals("__token__")) {
                throw new UsageException("a token is sent as the password of user __token__; give --token or --username, not both");
            }
            user = "__token__";
            pass = tokenValue;
        } else if (user == null && pass == null && fromRc.isPresent()) {
            user = fromRc.get().username().orElse(null);
            pass = fromRc.get().password().orElse(null);
        }

        List<Distribution> distributions = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (Path f : files) {
            Path file = cwd.resolve(f).normalize();
            if (!Files.isRegularFile(file)) {
                throw new UsageException(f + ": no such file");
            }
            try {
                distributions.add(Distribution.inspect(file, file.getFileName().toString()));
            } catch (DistributionException e) {
                throw new UsageException(f + ": " + e.getMessage() + "; nothing was uploaded");
            }
            paths.add(file);
        }

        IndexOptions options = IndexOptions.defaults().withEnvironment(env);
        Map<String, Map<String, String>> published = new HashMap<>(); // project -> filename -> sha256
        Uploader uploader = new Uploader(URI.create(url), options, Optional.ofNullable(user), Optional.ofNullable(pass));
        String checkIndex = first(checkUrl, env.get("AXLE_PUBLISH_CHECK_URL"));
        int uploaded = 0;
        int skipped = 0;
        try (Index check = checkIndex == null ? null : Index.of(URI.create(checkIndex), options)) {
            for (int i = 0; i < distributions.size(); i++) {
                Distribution d = distributions.get(i);
                if (check != null) {
                    Map<String, String> known = published.computeIfAbsent(d.name().toString(), n -> onIndex(check, d.name()));
                    String sha = known.get(d.filename());
                    if (sha != null && sha.equalsIgnoreCase(d.digests().sha256())) {
                        out.println("Skipped " + d.filename() + ": " + checkIndex + " has it");
                        skipped++;
                        continue;
                    }
                    if (sha != null) {
                        throw new UsageException(d.filename() + ": " + checkIndex + " has a file of this name with other"
                                + " bytes (sha256 " + sha + "); a file name cannot be reused, so build a new version");
                    }
                }
                out.println("Uploading " + d.filename() + " (" + size(d.digests().size()) + ")");
                out.flush();
                Uploader.Result result = uploader.upload(UploadForm.of(d).fields(), paths.get(i), d.filename());
                if (!result.ok()) {
                    throw new UsageException(refusal(d, result, uploader));
                }
                uploaded++;
            }
        }
        out.println("Uploaded " + uploaded + (uploaded == 1 ? " file" : " files") + " to " + uploader.url()
                + (skipped > 0 ? " (" + skipped + " already there)" : ""));
        return 0;
    }

    /** The files the index has for the project, by name, with their sha256 (empty when it has none). */
    private static Map<String, String> onIndex(Index index, ProjectName project) {
        try {
            Map<String, String> files = new HashMap<>();
            Optional<ProjectPage> page = index.projectPage(project);
            for (DistributionFile f : page.map(ProjectPage::files).orElse(List.of())) {
                files.put(f.filename(), f.hashes().getOrDefault("sha256", ""));
            }
            return files;
        } catch (IOException e) {
            throw new UsageException("--check-url: " + e.getMessage());
        }
    }

    private static String refusal(Distribution d, Uploader.Result result, Uploader uploader) {
        String why = result.status() + (result.reason().isEmpty() ? "" : " " + result.reason());
        String fix = switch (result.status()) {
            case 301, 302, 303, 307, 308 -> "the upload URL redirects" + result.location().map(l -> " to " + l).orElse("")
                    + "; give the index's upload URL (for PyPI " + DEFAULT_URL + ")";
            case 401 -> uploader.authenticated() ? "the credentials were refused; check the token or password"
                    : "the index wants credentials: give --token (or -u/-p, $AXLE_PUBLISH_TOKEN, ~/.pypirc)";
            case 403 -> "the credentials may not upload " + d.name() + " to this index";
            case 404, 405 -> "check the upload URL (for PyPI " + DEFAULT_URL + "; for axle serve http://HOST/INDEX/)";
            case 400 -> "the index refused the file";
            default -> "the index failed";
        };
        return "upload of " + d.filename() + " to " + uploader.url() + " refused: " + why + " (" + fix + ")";
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KiB" : String.format("%.1f MiB", bytes / 1048576.0);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
