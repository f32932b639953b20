package dev.axle.cli;

import static dev.axle.cli.InstallEndToEndTest.onlyDistInfo;
import static dev.axle.cli.InstallEndToEndTest.run;
import static dev.axle.cli.InstallFromIndexTest.installed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.cli.InstallEndToEndTest.Run;
import dev.axle.finder.PackageTree;
import dev.axle.index.StaticHttpServer;
import dev.axle.installer.Pythons;
import dev.axle.installer.WheelWriter;
import dev.axle.lock.Package;
import dev.axle.lock.PackageSdist;
import dev.axle.lock.PackageWheel;
import dev.axle.lock.Pylock;
import dev.axle.pep.Marker;
import dev.axle.pep.ProjectName;
import dev.axle.pep.SpecifierSet;
import dev.axle.pep.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code axle sync} and {@code axle export} with lock files the test writes with the axle-lock
 * model, over real wheels served on loopback by {@code python3 -m http.server}, into fresh
 * venvs of a real interpreter.
 */
class SyncEndToEndTest {
    @TempDir
    static Path shared;

    static Path wheels;
    static StaticHttpServer server;

    @TempDir
    Path tmp;

    Path cache;
    Path python;

    @BeforeAll
    static void serveWheels() throws Exception {
        wheels = tree(shared.resolve("tree"), "alpha 1.0", "alpha 2.0", "beta 1.0", "gamma 1.0", "winonly 1.0",
                "fancy 1.0");
        server = StaticHttpServer.serve(shared);
    }

    /** A PEP 503 tree of modules (each "name version") in {@code root}; answers the folder of its files. */
    static Path tree(Path root, String... modules) throws IOException {
        PackageTree tree = new PackageTree(root);
        for (String m : modules) {
            String[] nameVersion = m.split(" ");
            tree.wheel(InstallFromIndexTest.module(nameVersion[0], nameVersion[1], ""));
        }
        tree.write();
        return tree.files();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
        python = Pythons.python("3.12", "3.11", "3.13");
    }

    Run axle(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.getFirst().equals("export")) {
            all.add(1, "--cache-dir=" + cache);
        }
        return Run.of(all);
    }

    Path venv(String name) {
        Path dir = tmp.resolve(name);
        axle("venv", dir.toString(), "--python", python.toString()).ok();
        return dir;
    }

    static String fileName(String name, String version) {
        return name + "-" + version + "-py3-none-any.whl";
    }

    /** An entry for one of the served wheels, from the index (so no direct_url.json) unless {@code index} is null. */
    static Package served(String name, String version, String baseUrl, String index) throws IOException {
        String file = fileName(name, version);
        Path local = wheels.resolve(file);
        PackageWheel wheel = new PackageWheel(Optional.empty(), Optional.empty(), Optional.of(baseUrl + file),
                Optional.empty(), Optional.of(Files.size(local)), Map.of("sha256", sha256(local)));
        return new Package(ProjectName.parse(name), Optional.of(Version.parse(version)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(index), Optional.empty(), Optional.of(List.of(wheel)), Optional.empty(),
                Optional.empty());
    }

    Package served(String name, String version) throws IOException {
        return served(name, version, server.url("tree/files/").toString(), server.url("tree/simple/").toString());
    }

    Path lock(String fileName, List<Package> packages) throws IOException {
        return lock(fileName, Pylock.of("test", packages));
    }

    Path lock(String fileName, Pylock pylock) throws IOException {
        pylock.validate();
        Path file = tmp.resolve(fileName);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, pylock.toToml());
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void syncInstallsTheLockIntoAFreshVenvAndThenHasNothingToDo() throws IOException {
        Path venv = venv("v");
        Path lock = lock("pylock.toml", List.of(served("alpha", "1.0"),
                served("beta", "1.0", server.url("tree/files/").toString(), null)));
        Run sync = axle("sync", "--python", venv.toString(), lock.toString()).ok();
        assertThat(sync.out()).startsWith("Synced 2 packages in ").contains(" + alpha==1.0\n + beta==1.0\n");
        assertThat(installed(venv)).containsExactly("alpha==1.0", "beta==1.0");
        assertThat(run(venv, "import alpha, beta; print(alpha.VERSION, beta.VERSION)")).isEqualTo("1.0 1.0\n");

        Path alpha = onlyDistInfo(venv, "alpha-");
        assertThat(Files.readString(alpha.resolve("INSTALLER"))).isEqualTo("axle\n");
        assertThat(alpha.resolve("REQUESTED")).exists();
        assertThat(alpha.resolve("direct_url.json")).as("a wheel of an index").doesNotExist();
        assertThat(Files.readString(onlyDistInfo(venv, "beta-").resolve("direct_url.json")))
                .as("an entry without index is a direct reference")
                .contains(server.url("tree/files/" + fileName("beta", "1.0")).toString());

        Run again = axle("sync", "--python", venv.toString(), lock.toString()).ok();
        assertThat(again.out()).isEqualTo("Nothing to change: the environment matches the lock (2 packages)\n");
    }

    /** What axle lock writes, axle sync installs, without a request when the downloads are cached. */
    @Test
    void aLockAxleWroteSyncsAndSharesTheDownloadCache() throws IOException {
        Path venv = venv("v");
        Path lock = tmp.resolve("pylock.toml");
        axle("lock", "--python", venv.toString(), "--index-url", server.url("tree/simple/").toString(), "-o",
                lock.toString(), "alpha==1.0", "beta").ok();
        Run sync = axle("sync", "--python", venv.toString(), lock.toString()).ok();
        assertThat(sync.out()).contains(" + alpha==1.0\n + beta==1.0\n");
        assertThat(onlyDistInfo(venv, "alpha-").resolve("direct_url.json")).as("a wheel of the lock's index")
                .doesNotExist();
        // The downloads are kept by sha256 where the finder keeps them: install and sync share them.
        try (Stream<Path> kept = Files.walk(cache.resolve("downloads-v1"))) {
            assertThat(kept.map(p -> p.getFileName().toString())).contains(fileName("alpha", "1.0"), fileName("beta", "1.0"));
        }
        Path again = venv("again");
        assertThat(axle("sync", "--python", again.toString(), "--offline", lock.toString()).ok().out())
                .contains(" + alpha==1.0\n + beta==1.0\n");
    }

    @Test
    void extraneousPackagesAreRemovedUnlessInexact() throws IOException {
        Path venv = venv("v");
        axle("sync", "--python", venv.toString(), lock("all.toml", List.of(served("alpha", "1.0"),
                served("gamma", "1.0"))).toString()).ok();
        Path lock = lock("pylock.toml", List.of(served("alpha", "1.0")));

        Run dry = axle("sync", "--python", venv.toString(), "--dry-run", lock.toString()).ok();
        assertThat(dry.out()).isEqualTo("Would change 1 package\n - gamma==1.0\n");
        assertThat(installed(venv)).containsExactly("alpha==1.0", "gamma==1.0");

        Run inexact = axle("sync", "--python", venv.toString(), "--inexact", lock.toString()).ok();
        assertThat(inexact.out()).startsWith("Nothing to change");
        assertThat(installed(venv)).containsExactly("alpha==1.0", "gamma==1.0");

        Run exact = axle("sync", "--python", venv.toString(), lock.toString()).ok();
        assertThat(exact.out()).startsWith("Synced 1 package in ").endsWith(" - gamma==1.0\n");
        assertThat(installed(venv)).containsExactly("alpha==1.0");
        assertThat(InstallEndToEndTest.sitePackages(venv).resolve("gamma")).doesNotExist();
    }

    /** A venv that sees the system's site-packages answers for its own: what it only sees is neither removed nor replaced. */
    @Test
    void aVenvWithSystemSitePackagesLeavesThoseAlone() throws IOException {
        Path venv = tmp.resolve("system-site");
        Pythons.check(python.toString(), "-m", "venv", "--without-pip", "--system-site-packages", venv.toString());
        Assumptions.assumeTrue(run(venv, "import pip; print(pip.__file__)").startsWith(
                python.toRealPath().getParent().getParent().toString()), "the interpreter has no pip of its own");
        Path pipWheel = Pythons.pipWheelFor(python);
        Path lockFolder = Files.createDirectories(tmp.resolve("pip-lock"));
        Files.copy(pipWheel, lockFolder.resolve(pipWheel.getFileName()));
        String pipVersion = pipWheel.getFileName().toString().split("-")[1];
        Package pip = Package.of(ProjectName.parse("pip"), Optional.of(Version.parse(pipVersion)),
                new PackageWheel(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(pipWheel.getFileName().toString()), Optional.empty(), Map.of("sha256", sha256(pipWheel))));
        Path lock = lock("pip-lock/pylock.toml", List.of(served("alpha", "1.0"), pip));
        Run sync = axle("sync", "--python", venv.toString(), lock.toString()).ok();
        assertThat(sync.out()).contains(" + alpha==1.0\n + pip==" + pipVersion + "\n").doesNotContain(" - ");
        assertThat(run(venv, "import pip; print(pip.__file__)")).startsWith(venv.toString());
        assertThat(axle("sync", "--python", venv.toString(), lock.toString()).ok().out()).startsWith("Nothing to change");
    }

    @Test
    void anotherVersionOrAnotherOriginIsReplaced() throws IOException {
        Path venv = venv("v");
        axle("sync", "--python", venv.toString(), lock("one.toml", List.of(served("alpha", "1.0"))).toString()).ok();

        Run upgrade = axle("sync", "--python", venv.toString(),
                lock("two.toml", List.of(served("alpha", "2.0"))).toString()).ok();
        assertThat(upgrade.out()).endsWith(" - alpha==1.0\n + alpha==2.0\n");
        assertThat(run(venv, "import alpha; print(alpha.VERSION)")).isEqualTo("2.0\n");

        // The same version as a local file beside another lock: its origin differs, so it is reinstalled.
        Path elsewhere = tmp.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.copy(wheels.resolve(fileName("alpha", "2.0")), elsewhere.resolve(fileName("alpha", "2.0")));
        Path local = wheels.resolve(fileName("alpha", "2.0"));
        Package byPath = Package.of(ProjectName.parse("alpha"), Optional.of(Version.parse("2.0")),
                new PackageWheel(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(fileName("alpha", "2.0")), Optional.empty(), Map.of("sha256", sha256(local))));
        Path pathLock = lock("elsewhere/pylock.toml", List.of(byPath));
        Run moved = axle("sync", "--python", venv.toString(), pathLock.toString()).ok();
        assertThat(moved.out()).endsWith(" - alpha==2.0\n + alpha==2.0\n");
        assertThat(Files.readString(onlyDistInfo(venv, "alpha-").resolve("direct_url.json")))
                .contains(elsewhere.resolve(fileName("alpha", "2.0")).toUri().getPath());
        assertThat(axle("sync", "--python", venv.toString(), pathLock.toString()).ok().out()).startsWith("Nothing to change");
    }

    @Test
    void aTamperedWheelRefusesTheWholeSyncAndChangesNothing() throws IOException, InterruptedException {
        Path venv = venv("v");
        axle("sync", "--python", venv.toString(), lock("one.toml", List.of(served("alpha", "1.0"),
                served("gamma", "1.0"))).toString()).ok();
        Map<String, String> before = Trees.snapshot(venv);

        // A server of its own, whose beta is not the wheel the lock was made from.
        Path own = tmp.resolve("own");
        Files.createDirectories(own.resolve("files"));
        for (String file : List.of(fileName("alpha", "2.0"), fileName("beta", "1.0"))) {
            Files.copy(wheels.resolve(file), own.resolve("files").resolve(file));
        }
        try (StaticHttpServer tampered = StaticHttpServer.serve(own)) {
            String base = tampered.url("files/").toString();
            Path lock = lock("pylock.toml", List.of(served("alpha", "2.0", base, "https://example.org/simple"),
                    served("beta", "1.0", base, "https://example.org/simple")));
            Files.createDirectories(tmp.resolve("evil"));
            WheelWriter.wheel("beta", "1.0").file("beta/__init__.py", "import os  # something else\n")
                    .writeTo(tmp.resolve("evil"));
            Files.copy(tmp.resolve("evil").resolve(fileName("beta", "1.0")), own.resolve("files").resolve(fileName("beta", "1.0")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            Run sync = axle("sync", "--python", venv.toString(), lock.toString());
            assertThat(sync.exitCode()).isEqualTo(1);
            assertThat(sync.err()).contains("do not match the hashes in the lock file; nothing was changed",
                    "beta==1.0: " + base + fileName("beta", "1.0") + ": expected sha256:");
            assertThat(Trees.snapshot(venv)).isEqualTo(before);

            // A wheelhouse copy tampered the same way is refused the same way.
            Run offline = axle("sync", "--python", venv.toString(), "--offline", "--find-links",
                    own.resolve("files").toString(), lock.toString());
            assertThat(offline.exitCode()).isEqualTo(1);
            assertThat(offline.err()).contains("beta==1.0: " + own.resolve("files").resolve(fileName("beta", "1.0")));
            assertThat(Trees.snapshot(venv)).isEqualTo(before);
        }
    }

    /** The removals of extraneous distributions are in the install's transaction: a failure puts them back too. */
    @Test
    void aFailureMidwayRollsBackTheRemovalsToo() throws IOException {
        Path venv = venv("v");
        axle("sync", "--python", venv.toString(), lock("one.toml", List.of(served("alpha", "1.0"),
                served("gamma", "1.0"))).toString()).ok();
        Path local = tmp.resolve("local");
        Files.createDirectories(local);
        WheelWriter bad = WheelWriter.wheel("bad", "1.0");
        for (int i = 0; i < 50; i++) {
            bad.file("bad/m" + i + ".py", "X = " + i + "\n");
        }
        Path badWheel = bad.writeTo(local);
        // Fill the cache with bad's files, then damage its cache entry: linking bad fails midway.
        axle("install", "--python", venv("scratch").toString(), badWheel.toString()).ok();
        try (Stream<Path> files = Files.walk(cache.resolve("wheels-v1"))) {
            Files.delete(files.filter(p -> p.toString().endsWith("bad/m37.py")).findFirst().orElseThrow());
        }
        Package badEntry = Package.of(ProjectName.parse("bad"), Optional.of(Version.parse("1.0")),
                new PackageWheel(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(badWheel.getFileName().toString()), Optional.empty(), Map.of("sha256", sha256(badWheel))));
        Path lock = lock("local/pylock.toml", List.of(served("alpha", "2.0"), badEntry));
        Map<String, String> before = Trees.snapshot(venv);

        Run failed = axle("sync", "--python", venv.toString(), "--link-mode", "copy", lock.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: ").contains("m37.py");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
        assertThat(installed(venv)).containsExactly("alpha==1.0", "gamma==1.0");
    }

    @Test
    void offlineSyncWorksFromTheCacheAloneOnceTheServerIsGone() throws IOException, InterruptedException {
        Path own = tmp.resolve("own");
        Files.createDirectories(own.resolve("files"));
        Files.copy(wheels.resolve(fileName("alpha", "1.0")), own.resolve("files").resolve(fileName("alpha", "1.0")));
        Files.copy(wheels.resolve(fileName("beta", "1.0")), own.resolve("files").resolve(fileName("beta", "1.0")));
        Path lock;
        try (StaticHttpServer gone = StaticHttpServer.serve(own)) {
            String base = gone.url("files/").toString();
            lock = lock("pylock.toml", List.of(served("alpha", "1.0", base, "https://example.org/simple"),
                    served("beta", "1.0", base, null)));
            axle("sync", "--python", venv("online").toString(), lock.toString()).ok();
        }
        Path venv = venv("offline");
        Run offline = axle("sync", "--python", venv.toString(), "--offline", lock.toString()).ok();
        assertThat(offline.out()).contains(" + alpha==1.0\n + beta==1.0\n");
        assertThat(run(venv, "import alpha, beta; print(alpha.VERSION)")).isEqualTo("1.0\n");

        // What the cache lacks is named, with how to get it, and nothing changes.
        Path more = lock("more.toml", List.of(served("alpha", "1.0", "http://127.0.0.1:9/files/", null),
                served("gamma", "1.0", "http://127.0.0.1:9/files/", null)));
        Map<String, String> before = Trees.snapshot(venv);
        Run missing = axle("sync", "--python", venv.toString(), "--offline", more.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("1 locked file is not available; nothing was changed",
                "gamma==1.0: " + fileName("gamma", "1.0"), "not downloaded (--offline): http://127.0.0.1:9/files/",
                "--find-links FOLDER");
        assertThat(Trees.snapshot(venv)).isEqualTo(before);
    }

    @Test
    void offlineSyncFromAWheelhouseNeedsNoServerAtAll() throws IOException {
        Path wheelhouse = tmp.resolve("wheelhouse");
        Files.createDirectories(wheelhouse);
        for (String file : List.of(fileName("alpha", "2.0"), fileName("beta", "1.0"))) {
            Files.copy(wheels.resolve(file), wheelhouse.resolve(file));
        }
        // Nothing listens on port 9: any connection attempt would fail the sync.
        Path lock = lock("pylock.toml", List.of(served("alpha", "2.0", "http://127.0.0.1:9/files/", "https://example.org/simple"),
                served("beta", "1.0", "http://127.0.0.1:9/files/", null)));
        Path venv = venv("v");
        Run dry = axle("sync", "--python", venv.toString(), "--offline", "--find-links", wheelhouse.toString(),
                "--dry-run", lock.toString()).ok();
        assertThat(dry.out()).isEqualTo("Would change 2 packages\n + alpha==2.0\n + beta==1.0\n");
        axle("sync", "--python", venv.toString(), "--offline", "--find-links", wheelhouse.toString(), lock.toString()).ok();
        assertThat(run(venv, "import alpha, beta; print(alpha.VERSION, beta.VERSION)")).isEqualTo("2.0 1.0\n");
        assertThat(cache.resolve("downloads-v1")).doesNotExist();
    }

    /** The offline deployment the README describes: export, download into a wheelhouse, sync with no server. */
    @Test
    void exportDownloadAndSyncOfflineFromTheWheelhouseWithNoServerRunning() throws IOException, InterruptedException {
        Path lock;
        Path wheelhouse = tmp.resolve("wheelhouse");
        Path venv = venv("v");
        Path own = tmp.resolve("own");
        Path ownWheels = tree(own.resolve("tree"), "alpha 2.0", "beta 1.0");
        try (StaticHttpServer index = StaticHttpServer.serve(own)) {
            String base = index.url("tree/files/").toString();
            String simple = index.url("tree/simple/").toString();
            Package alpha = served("alpha", "2.0", base, simple);
            Package beta = served("beta", "1.0", base, simple);
            // The lock's hashes are those of the files this index serves.
            for (Package p : List.of(alpha, beta)) {
                assertThat(p.wheels().orElseThrow().getFirst().hashes().get("sha256"))
                        .isEqualTo(sha256(ownWheels.resolve(p.wheels().orElseThrow().getFirst().filename())));
            }
            lock = lock("pylock.toml", List.of(alpha, beta));
            Path requirements = tmp.resolve("requirements.txt");
            axle("export", "--hashes", "-o", requirements.toString(), lock.toString()).ok();
            axle("download", "--python", venv.toString(), "--index-url", simple, "-d", wheelhouse.toString(),
                    "-r", requirements.toString()).ok();
        }
        cache = tmp.resolve("another-cache");
        Run sync = axle("sync", "--python", venv.toString(), "--offline", "--find-links", wheelhouse.toString(),
                lock.toString()).ok();
        assertThat(sync.out()).contains(" + alpha==2.0\n + beta==1.0\n");
        assertThat(run(venv, "import alpha, beta; print(alpha.VERSION, beta.VERSION)")).isEqualTo("2.0 1.0\n");
    }

    @Test
    void markersEnvironmentsAndRequiresPythonSelectForTheTarget() throws IOException {
        Path venv = venv("v");
        Package win = served("winonly", "1.0").withMarker(Marker.parse("sys_platform == 'win32'"));
        Package fancy = served("fancy", "1.0").withMarker(Marker.parse("'fancy' in extras"));
        Pylock pylock = new Pylock(Version.parse("1.0"), Optional.empty(), Optional.empty(), Optional.of(List.of("fancy")),
                Optional.empty(), Optional.empty(), "test", List.of(served("alpha", "1.0"), win, fancy), Optional.empty());
        Path lock = lock("pylock.toml", pylock);
        axle("sync", "--python", venv.toString(), lock.toString()).ok();
        assertThat(installed(venv)).containsExactly("alpha==1.0");
        axle("sync", "--python", venv.toString(), "--extra", "fancy", lock.toString()).ok();
        assertThat(installed(venv)).containsExactly("alpha==1.0", "fancy==1.0");
        Run unknown = axle("sync", "--python", venv.toString(), "--extra", "nope", lock.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("does not cover the extra nope");
        Run unknownExport = axle("export", "--extra", "nope", lock.toString());
        assertThat(unknownExport.exitCode()).isEqualTo(1);
        assertThat(unknownExport.err()).contains("does not cover the extra nope");
        assertThat(axle("export", "--extra", "fancy", lock.toString()).ok().out()).contains("fancy==1.0");

        Path windows = lock("windows.toml", new Pylock(Version.parse("1.0"), Optional.of(List.of(Marker.parse(
                "sys_platform == 'win32'"))), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                "test", List.of(served("alpha", "2.0")), Optional.empty()));
        Run refused = axle("sync", "--python", venv.toString(), windows.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("windows.toml does not fit", "does not satisfy any of the environments");

        Path old = lock("old.toml", new Pylock(Version.parse("1.0"), Optional.empty(),
                Optional.of(SpecifierSet.parse("<3")), Optional.empty(), Optional.empty(), Optional.empty(), "test",
                List.of(served("alpha", "2.0")), Optional.empty()));
        Run tooNew = axle("sync", "--python", venv.toString(), old.toString());
        assertThat(tooNew.exitCode()).isEqualTo(1);
        assertThat(tooNew.err()).contains("does not satisfy the Python version requirement '<3'");
        assertThat(installed(venv)).containsExactly("alpha==1.0", "fancy==1.0");
    }

    @Test
    void withNoBuildEntriesThatNeedABuildAreRefusedByName() throws IOException {
        Path venv = venv("v");
        Package sdist = Package.of(ProjectName.parse("simple"), Optional.of(Version.parse("2.0")),
                PackageSdist.ofUrl("https://example.org/simple-2.0.tar.gz", Map.of("sha256", "0".repeat(64))));
        Path lock = lock("pylock.toml", List.of(served("alpha", "1.0"), sdist));
        Run sync = axle("sync", "--python", venv.toString(), "--no-build", lock.toString());
        assertThat(sync.exitCode()).isEqualTo(1);
        assertThat(sync.err()).contains("simple==2.0: the sdist simple-2.0.tar.gz", "without building them",
                "sync without --no-build");
        assertThat(installed(venv)).isEmpty();
    }

    @Test
    void exportedRequirementsAreReadByPip() throws IOException {
        Path venv = tmp.resolve("pipvenv");
        Pythons.check(python.toString(), "-m", "venv", venv.toString());
        Assumptions.assumeTrue(Files.isExecutable(venv.resolve("bin/pip")), "the venv has no pip");
        Package win = served("winonly", "1.0").withMarker(Marker.parse("sys_platform == 'win32'"));
        Path lock = lock("pylock.toml", List.of(served("beta", "1.0"), served("alpha", "1.0"), win));
        Path exported = tmp.resolve("requirements.txt");
        axle("export", "--format", "requirements-txt", "--hashes", "-o", exported.toString(), lock.toString()).ok();
        String text = Files.readString(exported);
        assertThat(text).contains("alpha==1.0 \\\n    --hash=sha256:" + sha256(wheels.resolve(fileName("alpha", "1.0"))))
                .contains("winonly==1.0 ; sys_platform == \"win32\"");
        assertThat(text.indexOf("alpha==")).isLessThan(text.indexOf("beta=="));
        assertThat(axle("export", lock.toString()).ok().out()).doesNotContain("--hash").contains("beta==1.0\n");

        Pythons.Result pip = Pythons.run(List.of(venv.resolve("bin/python").toString(), "-m", "pip", "install",
                "--dry-run", "-r", exported.toString(), "--no-index", "--find-links", wheels.toString()),
                Map.of("PIP_CONFIG_FILE", "/dev/null", "PIP_NO_INDEX", "1", "PIP_DISABLE_PIP_VERSION_CHECK", "1"));
        assertThat(pip.exitCode()).as(pip.output()).isZero();
        assertThat(pip.output()).contains("Ignoring winonly: markers 'sys_platform == \"win32\"' don't match",
                "Would install alpha-1.0 beta-1.0");
    }
}
