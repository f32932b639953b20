package dev.axle.finder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.finder.PackageTree.Link;
import dev.axle.index.FindLinks;
import dev.axle.index.Index;
import dev.axle.index.IndexOptions;
import dev.axle.index.IndexUnavailableException;
import dev.axle.index.StaticHttpServer;
import dev.axle.installer.WheelWriter;
import dev.axle.pep.MarkerEnvironment;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Requirement;
import dev.axle.pep.Tag;
import dev.axle.pep.Version;
import dev.axle.pep.tags.SupportedTags;
import dev.axle.resolver.python.Candidate;
import dev.axle.resolver.python.CandidateUnavailableException;
import dev.axle.resolver.python.Resolution;
import dev.axle.resolver.python.ResolutionException;
import dev.axle.resolver.python.ResolveOptions;
import dev.axle.resolver.python.Resolver;
import dev.axle.resolver.python.Target;
import dev.axle.resolver.requirements.FormatControl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The finder over static PEP 503 trees the test writes, served by {@code python3 -m http.server}
 * on loopback and read as {@code file:} indexes, for a CPython 3.12 on manylinux x86_64, with
 * the real {@link Resolver} on top.
 */
class FinderTest {
    static final Version PYTHON = Version.parse("3.12.1");
    static final Target TARGET = new Target(MarkerEnvironment.of(Map.ofEntries(
            Map.entry("python_version", "3.12"), Map.entry("python_full_version", PYTHON.toString()),
            Map.entry("implementation_name", "cpython"), Map.entry("implementation_version", PYTHON.toString()),
            Map.entry("platform_python_implementation", "CPython"), Map.entry("os_name", "posix"),
            Map.entry("sys_platform", "linux"), Map.entry("platform_system", "Linux"),
            Map.entry("platform_machine", "x86_64"), Map.entry("platform_release", ""),
            Map.entry("platform_version", ""))), PYTHON);
    static final String MANYLINUX = "manylinux_2_17_x86_64";
    static final SupportedTags TAGS = SupportedTags.of(Stream.of(
            "cp312-cp312-" + MANYLINUX, "cp312-abi3-" + MANYLINUX, "cp312-none-" + MANYLINUX, "py3-none-" + MANYLINUX,
            "cp312-none-any", "py3-none-any").map(t -> Tag.parse(t).iterator().next()).toList());

    @TempDir
    static Path shared;

    static PackageTree first;
    static PackageTree second;
    static Path links;
    static StaticHttpServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeTrees() throws Exception {
        first = new PackageTree(shared.resolve("first"))
                // Tags: the manylinux wheel beats the pure one; a version with only a Windows wheel is no candidate.
                .wheel(WheelWriter.wheel("fast", "1.0").tag("cp312-cp312-" + MANYLINUX))
                .wheel(WheelWriter.wheel("fast", "1.0"))
                .wheel(WheelWriter.wheel("fast", "1.0").tag("cp312-cp312-win_amd64"))
                .wheel(WheelWriter.wheel("fast", "2.0").tag("cp312-cp312-win_amd64"))
                .sdist("fast", "0.9", pkgInfo("2.2", "fast", "0.9", ""), Link.plain())
                // Requires-Python per file: 2.0's wheel wants 3.13, its sdist does not.
                .wheel(WheelWriter.wheel("old", "1.0"), Link.plain().requiringPython(">=3.6"))
                .wheel(WheelWriter.wheel("old", "2.0"), Link.plain().requiringPython(">=3.13"))
                .sdist("old", "2.0", pkgInfo("2.2", "old", "2.0", ""), Link.plain().requiringPython(">=3.8"))
                .wheel(WheelWriter.wheel("old", "3.0"), Link.plain().requiringPython(">=3.13"))
                .wheel(WheelWriter.wheel("yanky", "1.0"))
                .wheel(WheelWriter.wheel("yanky", "2.0"), Link.plain().yankedFor("broken build"))
                // A yanked wheel and a good sdist of one version: the sdist is offered.
                .wheel(WheelWriter.wheel("mixed", "1.0"), Link.plain().yankedFor("bad wheel"))
                .sdist("mixed", "1.0", pkgInfo("2.2", "mixed", "1.0", ""), Link.plain())
                // Metadata from the PEP 658 file (alpha) and from the wheel itself (beta, gamma).
                .wheel(WheelWriter.wheel("alpha", "1.0").metadataLines("Requires-Dist: beta>=1\n"))
                .wheel(WheelWriter.wheel("beta", "1.0").metadataLines("Requires-Dist: gamma; python_version >= '3'\n"
                        + "Requires-Dist: never; sys_platform == 'win32'\n"), Link.plain().withoutMetadataFile())
                .wheel(WheelWriter.wheel("gamma", "1.0"), Link.plain().withoutMetadataFile())
                // Sdist-only projects: static metadata (PEP 643) is usable, dynamic or missing is not.
                .sdist("static", "1.0", pkgInfo("2.2", "static", "1.0", "Requires-Dist: gamma\n"), Link.plain())
                .sdist("dynamic", "1.0", pkgInfo("2.2", "dynamic", "1.0", "Dynamic: Requires-Dist\n"), Link.plain())
                .sdist("nometa", "1.0", pkgInfo("2.2", "nometa", "1.0", ""), Link.plain().withoutMetadataFile())
                .sdist("legacy", "1.0", pkgInfo("2.1", "legacy", "1.0", ""), Link.plain())
                // A wheel for Windows only, and an sdist: for the target, the sdist.
                .wheel(WheelWriter.wheel("winsrc", "1.0").tag("cp312-cp312-win_amd64"))
                .sdist("winsrc", "1.0", pkgInfo("2.2", "winsrc", "1.0", ""), Link.plain())
                .write();
        second = new PackageTree(shared.resolve("second"))
                .wheel(WheelWriter.wheel("alpha", "2.0").metadataLines("Requires-Dist: beta>=1\n"))
                .wheel(WheelWriter.wheel("elsewhere", "1.0"))
                .write();
        links = Files.createDirectories(shared.resolve("links"));
        WheelWriter.wheel("alpha", "3.0").metadataLines("Requires-Dist: beta>=1\n").writeTo(links);
        WheelWriter.wheel("linked", "1.0").metadataLines("Requires-Dist: gamma\n").writeTo(links);
        server = StaticHttpServer.serve(shared);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    static String pkgInfo(String metadataVersion, String name, String version, String more) {
        return "Metadata-Version: " + metadataVersion + "\nName: " + name + "\nVersion: " + version + "\n" + more + "\n";
    }

    /** A tree as a loopback http index or as a file: index. */
    static URI index(PackageTree tree, String kind) {
        return kind.equals("http") ? server.url(shared.relativize(Path.of(tree.fileIndex())) + "/") : tree.fileIndex();
    }

    static IndexOptions options() {
        return IndexOptions.defaults().withRetries(0, Duration.ZERO, Duration.ZERO);
    }

    Finder finder(IndexStrategy strategy, List<URI> indexes, List<Path> findLinks) {
        return finder(strategy, indexes, findLinks, UnaryOperator.identity());
    }

    /** A finder whose options are the usual ones as {@code adjusted} changes them. */
    Finder finder(IndexStrategy strategy, List<URI> indexes, List<Path> findLinks, UnaryOperator<FinderOptions> adjusted) {
        return new Finder(indexes.stream().map(u -> Index.of(u, options())).toList(),
                findLinks.stream().map(p -> FindLinks.of(p.toUri(), options())).toList(), options(),
                adjusted.apply(new FinderOptions(TARGET, TAGS, strategy, tmp.resolve("downloads"), 4)));
    }

    Finder finder(String kind) {
        return finder(IndexStrategy.FIRST_INDEX, List.of(index(first, kind)), List.of());
    }

    /** A finder of the first tree with {@code --no-binary} and {@code --only-binary} as given. */
    Finder finder(String kind, Set<String> noBinary, Set<String> onlyBinary) {
        return finder(IndexStrategy.FIRST_INDEX, List.of(index(first, kind)), List.of(),
                o -> o.withFormats(new FormatControl(noBinary, onlyBinary)));
    }

    static List<String> files(List<Candidate> candidates) {
        return candidates.stream().map(c -> ((FoundCandidate) c).file().filename()).sorted().toList();
    }

    static Resolution resolve(Finder finder, String... requirements) throws Exception {
        return resolve(finder, ResolveOptions.of(TARGET), requirements);
    }

    static Resolution resolve(Finder finder, ResolveOptions options, String... requirements) throws Exception {
        return new Resolver(finder).resolve(Stream.of(requirements).map(Requirement::parse).toList(), options);
    }

    static List<String> pins(Resolution resolution) {
        return resolution.packages().stream().map(p -> p.project() + "==" + p.version()).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void eachVersionOffersItsBestFileForTheTargetsTags(String kind) throws IOException {
        try (Finder finder = finder(kind)) {
            assertThat(files(finder.candidates(ProjectName.parse("fast"))))
                    .containsExactly("fast-0.9.tar.gz", "fast-1.0-cp312-cp312-" + MANYLINUX + ".whl");
        }
    }

    /** A lock file records every file of a version: the other platforms' wheels and the sdist too, not yanked ones. */
    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void filesAreEveryFileOfTheVersionAtItsOrigin(String kind) throws Exception {
        try (Finder finder = finder(IndexStrategy.UNSAFE_BEST_MATCH, List.of(index(first, kind), index(second, kind)),
                List.of(links))) {
            FoundCandidate fast = (FoundCandidate) resolve(finder, "fast").get(ProjectName.parse("fast")).orElseThrow()
                    .candidate();
            assertThat(finder.files(fast)).extracting(f -> f.filename()).containsExactly(
                    "fast-1.0-cp312-cp312-" + MANYLINUX + ".whl", "fast-1.0-py3-none-any.whl",
                    "fast-1.0-cp312-cp312-win_amd64.whl");
            assertThat(finder.files(fast)).allSatisfy(f -> assertThat(f.hashes()).containsKey("sha256"));
            FoundCandidate mixed = (FoundCandidate) resolve(finder, "mixed").get(ProjectName.parse("mixed"))
                    .orElseThrow().candidate();
            assertThat(finder.files(mixed)).extracting(f -> f.filename()).containsExactly("mixed-1.0.tar.gz");
            // alpha 3.0 is in find-links only; alpha 2.0 on the second index only: each lists its own origin's files.
            FoundCandidate alpha = (FoundCandidate) resolve(finder, "alpha").get(ProjectName.parse("alpha"))
                    .orElseThrow().candidate();
            assertThat(alpha.version()).isEqualTo(Version.parse("3.0"));
            assertThat(finder.files(alpha)).extracting(f -> f.filename()).containsExactly("alpha-3.0-py3-none-any.whl");
            FoundCandidate two = (FoundCandidate) resolve(finder, "alpha==2.0").get(ProjectName.parse("alpha"))
                    .orElseThrow().candidate();
            assertThat(finder.files(two)).extracting(f -> f.filename()).containsExactly("alpha-2.0-py3-none-any.whl");
            assertThat(two.origin().toString()).isEqualTo(index(second, kind).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void requiresPythonIsCheckedPerFile(String kind) throws Exception {
        try (Finder finder = finder(kind)) {
            assertThat(files(finder.candidates(ProjectName.parse("old"))))
                    .containsExactly("old-1.0-py3-none-any.whl", "old-2.0.tar.gz");
            Resolution r = resolve(finder, "old");
            assertThat(pins(r)).containsExactly("old==2.0");
            assertThat(((FoundCandidate) r.get(ProjectName.parse("old")).orElseThrow().candidate()).wheel()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void yankedVersionsAreLeftOutUnlessPinned(String kind) throws Exception {
        try (Finder finder = finder(kind)) {
            assertThat(finder.candidates(ProjectName.parse("yanky"))).filteredOn(Candidate::yanked)
                    .extracting(Candidate::version).containsExactly(Version.parse("2.0"));
            assertThat(pins(resolve(finder, "yanky"))).containsExactly("yanky==1.0");
            assertThat(pins(resolve(finder, "yanky==2.0"))).containsExactly("yanky==2.0");
            assertThatThrownBy(() -> resolve(finder, "yanky>=1.5")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("yanky");
            List<Candidate> mixed = finder.candidates(ProjectName.parse("mixed"));
            assertThat(files(mixed)).containsExactly("mixed-1.0.tar.gz");
            assertThat(mixed.getFirst().yanked()).isFalse();
        }
    }

    /** The server's log shows what was fetched: alpha's metadata file but never its wheel; beta's whole wheel. */
    @Test
    void metadataComesFromTheMetadataFileElseFromTheWholeWheelWhenRangesAreIgnored() throws Exception {
        try (Finder finder = finder("http")) {
            Resolution r = resolve(finder, "alpha");
            assertThat(pins(r)).containsExactly("alpha==1.0", "beta==1.0", "gamma==1.0");
            assertThat(r.get(ProjectName.parse("alpha")).orElseThrow().requested()).isTrue();
            assertThat(r.get(ProjectName.parse("beta")).orElseThrow().requested()).isFalse();
        }
        String log = Files.readString(shared.resolveSibling(shared.getFileName() + ".log"));
        assertThat(log).contains("GET /first/files/alpha-1.0-py3-none-any.whl.metadata ")
                .doesNotContain("GET /first/files/alpha-1.0-py3-none-any.whl ")
                .contains("GET /first/files/beta-1.0-py3-none-any.whl ")
                .doesNotContain("/simple/never/");
    }

    @Test
    void aFailedFetchGetsASecondTryWhenTheResolverNeedsIt() throws Exception {
        var failures = new java.util.concurrent.atomic.AtomicInteger(1);
        var http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/simple/flaky/", exchange -> {
            byte[] body = "<a href=\"../../files/flaky-1.0-py3-none-any.whl\">flaky</a>".getBytes();
            boolean fail = failures.getAndDecrement() > 0;
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(fail ? 503 : 200, fail ? -1 : body.length);
            if (!fail) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        http.start();
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(URI.create("http://127.0.0.1:"
                + http.getAddress().getPort() + "/simple/")), List.of())) {
            assertThat(files(finder.candidates(ProjectName.parse("flaky")))).containsExactly("flaky-1.0-py3-none-any.whl");
        } finally {
            http.stop(0);
        }
        assertThat(failures.get()).isEqualTo(-1);
    }

    @Test
    void metadataIsKeptByHashAndNotFetchedAgain() throws Exception {
        Path log = shared.resolveSibling(shared.getFileName() + ".log");
        try (Finder finder = finder("http")) {
            resolve(finder, "alpha");
        }
        String before = Files.readString(log);
        try (Finder finder = finder("http")) {
            assertThat(pins(resolve(finder, "alpha"))).containsExactly("alpha==1.0", "beta==1.0", "gamma==1.0");
        }
        String after = Files.readString(log).substring(before.length());
        // alpha's metadata file and beta's METADATA (read from its whole wheel) come from the kept copies.
        assertThat(after).contains("GET /first/simple/alpha/").doesNotContain(".metadata ")
                .doesNotContain("GET /first/files/beta-1.0-py3-none-any.whl ");
        try (var kept = Files.walk(tmp.resolve("metadata-v1"))) {
            assertThat(kept.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("wheel-")).anyMatch(n -> !n.startsWith("wheel-"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void wheelMetadataIsReadWithoutAMetadataFile(String kind) throws Exception {
        try (Finder finder = finder(kind)) {
            Candidate beta = finder.candidates(ProjectName.parse("beta")).getFirst();
            assertThat(finder.metadata(beta).requiresDist()).extracting(Requirement::name).containsExactly("gamma", "never");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void sdistOnlyVersionsResolveWithStaticMetadataAndAreExplainedOtherwise(String kind) throws Exception {
        try (Finder finder = finder(kind)) {
            Resolution r = resolve(finder, "static");
            assertThat(pins(r)).containsExactly("gamma==1.0", "static==1.0");

            assertThatThrownBy(() -> finder.metadata(finder.candidates(ProjectName.parse("dynamic")).getFirst()))
                    .isInstanceOf(CandidateUnavailableException.class)
                    .hasMessageContaining("dynamic 1.0").hasMessageContaining("dynamic-1.0.tar.gz")
                    .hasMessageContaining("requires-dist dynamic (PEP 643)");
            assertThatThrownBy(() -> resolve(finder, "dynamic")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("dynamic").hasMessageContaining("source distribution");
            assertThatThrownBy(() -> resolve(finder, "nometa")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("nometa").hasMessageContaining("no static metadata");
            assertThatThrownBy(() -> resolve(finder, "legacy")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("legacy").hasMessageContaining("predates PEP 643");
        }
    }

    /** pip's --only-binary and --no-binary: a project's wheels or sdists are no candidates, nor in its files. */
    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void formatControlLeavesOutWheelsOrSdists(String kind) throws Exception {
        ProjectName fast = ProjectName.parse("fast");
        ProjectName winsrc = ProjectName.parse("winsrc");
        try (Finder finder = finder(kind)) {
            FoundCandidate source = (FoundCandidate) finder.candidates(winsrc).getFirst();
            assertThat(finder.files(source)).extracting(f -> f.filename())
                    .containsExactly("winsrc-1.0-cp312-cp312-win_amd64.whl", "winsrc-1.0.tar.gz");
        }
        try (Finder finder = finder(kind, Set.of(), Set.of(FormatControl.ALL))) {
            assertThat(files(finder.candidates(fast))).containsExactly("fast-1.0-cp312-cp312-" + MANYLINUX + ".whl");
            // Its sdist left out, mixed 1.0 has only its yanked wheel.
            assertThat(finder.candidates(ProjectName.parse("mixed"))).singleElement()
                    .satisfies(c -> assertThat(c.yanked()).isTrue());
            assertThat(pins(resolve(finder, "fast"))).containsExactly("fast==1.0");
        }
        try (Finder finder = finder(kind, Set.of("fast", "winsrc"), Set.of())) {
            assertThat(files(finder.candidates(fast))).containsExactly("fast-0.9.tar.gz");
            assertThat(files(finder.candidates(ProjectName.parse("alpha")))).containsExactly("alpha-1.0-py3-none-any.whl");
            FoundCandidate source = (FoundCandidate) finder.candidates(winsrc).getFirst();
            assertThat(finder.files(source)).extracting(f -> f.filename()).containsExactly("winsrc-1.0.tar.gz");
        }
        // --no-binary :all: --only-binary fast: fast from wheels, the rest from sdists.
        try (Finder finder = finder(kind, Set.of(FormatControl.ALL), Set.of("fast"))) {
            assertThat(files(finder.candidates(fast))).containsExactly("fast-1.0-cp312-cp312-" + MANYLINUX + ".whl");
            assertThat(files(finder.candidates(ProjectName.parse("old")))).containsExactly("old-2.0.tar.gz");
            assertThat(finder.candidates(ProjectName.parse("gamma"))).isEmpty();
        }
    }

    /** A project with files but none the options allow: the explanation names each file's option. */
    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void filesTheOptionsLeaveOutAreExplained(String kind) throws Exception {
        try (Finder finder = finder(kind, Set.of(), Set.of(FormatControl.ALL))) {
            assertThatThrownBy(() -> resolve(finder, "static")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("static has 1 file but none it may use: static-1.0.tar.gz (--only-binary)");
            assertThat(finder.candidates(ProjectName.parse("winsrc"))).isEmpty();
            assertThat(finder.whyNone(ProjectName.parse("winsrc"))).contains("winsrc has 2 files but none it may use:"
                    + " winsrc-1.0.tar.gz (--only-binary); the other is not for this target (Python 3.12.1, best tag cp312-cp312-"
                    + MANYLINUX + "), such as winsrc-1.0-cp312-cp312-win_amd64.whl");
        }
        try (Finder finder = finder(kind, Set.of("gamma"), Set.of())) {
            assertThatThrownBy(() -> resolve(finder, "alpha")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("gamma has 1 file but none it may use: gamma-1.0-py3-none-any.whl (--no-binary)");
        }
        // --no-binary with install's --no-build: neither kind of file is left.
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(index(first, kind)), List.of(),
                o -> o.withFormats(new FormatControl(Set.of("fast"), Set.of())).withoutBuilds())) {
            assertThat(finder.candidates(ProjectName.parse("fast"))).isEmpty();
            assertThat(finder.whyNone(ProjectName.parse("fast")).orElseThrow()).startsWith("fast has 5 files but none it may use: ")
                    .contains("fast-1.0-py3-none-any.whl (--no-binary)").endsWith(" and 2 more");
            assertThat(files(finder.candidates(ProjectName.parse("static")))).isEmpty();
            assertThat(finder.whyNone(ProjectName.parse("static")))
                    .contains("static has 1 file but none it may use: static-1.0.tar.gz (--no-build)");
            assertThat(files(finder.candidates(ProjectName.parse("gamma")))).containsExactly("gamma-1.0-py3-none-any.whl");
        }
    }

    /** pip applies no format control to a direct reference: a wheel named by URL is taken under --no-binary :all:. */
    @Test
    void aDirectReferenceIsNotSubjectToFormatControl() throws Exception {
        Path wheel = links.resolve("linked-1.0-py3-none-any.whl");
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(), List.of(), o -> o.withFormats(
                new FormatControl(Set.of(FormatControl.ALL), Set.of())))) {
            Candidate linked = finder.direct(Requirement.parse("linked @ " + wheel.toUri()));
            assertThat(((FoundCandidate) linked).file().filename()).isEqualTo("linked-1.0-py3-none-any.whl");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void firstIndexTakesAProjectFromTheFirstIndexThatHasItUnsafeBestMatchMerges(String kind) throws Exception {
        List<URI> both = List.of(index(first, kind), index(second, kind));
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, both, List.of())) {
            assertThat(files(finder.candidates(ProjectName.parse("alpha")))).containsExactly("alpha-1.0-py3-none-any.whl");
            assertThat(files(finder.candidates(ProjectName.parse("elsewhere")))).containsExactly("elsewhere-1.0-py3-none-any.whl");
            assertThat(pins(resolve(finder, "alpha"))).contains("alpha==1.0");
        }
        try (Finder finder = finder(IndexStrategy.UNSAFE_BEST_MATCH, both, List.of())) {
            assertThat(files(finder.candidates(ProjectName.parse("alpha"))))
                    .containsExactly("alpha-1.0-py3-none-any.whl", "alpha-2.0-py3-none-any.whl");
            assertThat(pins(resolve(finder, "alpha"))).contains("alpha==2.0");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void findLinksAreMergedWithTheIndex(String kind) throws Exception {
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(index(first, kind)), List.of(links))) {
            assertThat(files(finder.candidates(ProjectName.parse("alpha"))))
                    .containsExactly("alpha-1.0-py3-none-any.whl", "alpha-3.0-py3-none-any.whl");
            assertThat(pins(resolve(finder, "alpha", "linked"))).containsExactly("alpha==3.0", "beta==1.0", "gamma==1.0",
                    "linked==1.0");
            assertThat(pins(resolve(finder, "alpha<3"))).containsExactly("alpha==1.0", "beta==1.0", "gamma==1.0");
        }
    }

    @Test
    void findLinksAloneNeedNoIndex() throws Exception {
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(), List.of(links))) {
            assertThat(pins(resolve(finder, ResolveOptions.of(TARGET).withNoDeps(true), "alpha"))).containsExactly("alpha==3.0");
            assertThatThrownBy(() -> resolve(finder, "alpha")).isInstanceOf(ResolutionException.class)
                    .hasMessageContaining("beta");
        }
    }

    @Test
    void aDirectReferenceToALocalWheelNeedsNoIndex() throws Exception {
        Path wheel = links.resolve("linked-1.0-py3-none-any.whl");
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(first.fileIndex()), List.of())) {
            Resolution r = resolve(finder, "linked @ " + wheel.toUri());
            assertThat(pins(r)).containsExactly("gamma==1.0", "linked==1.0");
            FoundCandidate linked = (FoundCandidate) r.get(ProjectName.parse("linked")).orElseThrow().candidate();
            assertThat(linked.direct()).isTrue();
            assertThat(finder.download(linked, dev.axle.index.DownloadListener.NONE)).isEqualTo(wheel);
            assertThatThrownBy(() -> resolve(finder, "other @ " + wheel.toUri()))
                    .isInstanceOf(CandidateUnavailableException.class).hasMessageContaining("not of other");
        }
    }

    @Test
    void anIndexThatIsDownIsNamedWithWhatToCheck() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + port + "/simple/");
        try (Finder finder = finder(IndexStrategy.FIRST_INDEX, List.of(down), List.of())) {
            assertThatThrownBy(() -> resolve(finder, "alpha")).isInstanceOf(IndexUnavailableException.class)
                    .hasMessageStartingWith("Could not fetch http://127.0.0.1:" + port + "/simple/alpha/")
                    .hasMessageContaining("Check the index URL");
        }
    }

    @Test
    void downloadsAreVerifiedAndKeptInTheCache() throws Exception {
        try (Finder finder = finder("http")) {
            FoundCandidate gamma = (FoundCandidate) finder.candidates(ProjectName.parse("gamma")).getFirst();
            Path file = finder.download(gamma, dev.axle.index.DownloadListener.NONE);
            assertThat(file).startsWith(tmp.resolve("downloads")).hasFileName("gamma-1.0-py3-none-any.whl")
                    .hasSameBinaryContentAs(first.files().resolve("gamma-1.0-py3-none-any.whl"));
            assertThat(file.getParent()).hasFileName(gamma.file().hashes().get("sha256"));
        }
    }
}
