package dev.axle.installer.db;

import static dev.axle.installer.db.TestEnvironments.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removal plans against what {@code pip uninstall -y} really removes from a real environment
 * (file trees compared before and after): wheels with packages, byte-code and launcher
 * scripts, a setuptools {@code .egg-info} install, a {@code setup.py develop} egg-link, and
 * two distributions sharing {@code twisted/plugins/}, where the plan deliberately keeps what
 * the other distribution still records (pip deletes it).
 */
class PipUninstallTest {
    @TempDir
    Path temp;

    private RemovalPlanner planner(TestVenv venv) {
        Path root = venv.root();
        return RemovalPlanner.of(venv.installed(), root,
                        List.of(venv.sitePackages(), root.resolve("bin"), root.resolve("include"), root))
                .withScriptsDirectory(root.resolve("bin"));
    }

    private static Path wheels(Path temp) {
        Path wheels = temp.resolve("wheels");
        write(wheels.resolve(".keep"), "");
        TestWheel.of("baz", "1.5").file("baz.py", "B = 1\n").write(wheels);
        TestWheel.of("Foo_Bar", "1.0").file("foo_bar/__init__.py", "").file("foo_bar/sub/__init__.py", "")
                .file("foo_bar/sub/mod.py", "M = 2\n").file("foo_bar/data/table.txt", "1 2 3\n").write(wheels);
        TestWheel.of("twisted", "1.0").file("twisted/plugins/__init__.py", "").file("twisted/plugins/a.py", "A = 1\n")
                .entryPoints("[console_scripts]\ntwistd = twisted.plugins.a:main\n").write(wheels);
        TestWheel.of("plug", "1.0").file("twisted/plugins/__init__.py", "")
                .file("twisted/plugins/fd_endpoint.py", "E = 1\n").write(wheels);
        return wheels;
    }

    @Test
    void plansRemoveWhatPipRemoves() {
        TestVenv venv = TestVenv.create(temp);
        venv.pipOk("install", "--no-deps", "--find-links", wheels(temp).toString(), "baz", "Foo_Bar", "twisted");
        TestEnvironments.legacyEggInfo(venv.sitePackages());
        TestEnvironments.eggLinkInstall(venv.sitePackages(), temp.resolve("devpkg-src"));
        venv.python("import legacy_pkg.util");  // byte-code that installed-files.txt does not list
        for (String name : List.of("baz", "Foo_Bar", "twisted", "Legacy-Pkg")) {
            RemovalPlan plan = planner(venv).plan(venv.installed().get(name).orElseThrow());
            assertThat(plan.skippedShared()).isEmpty();
            assertThat(plan.pthEdits()).isEmpty();
            Map<Path, Boolean> before = venv.snapshot();
            venv.pipOk("uninstall", "-y", name);
            Map<Path, Boolean> after = venv.snapshot();
            assertThat(removedFiles(before, after)).as(name).isEqualTo(new TreeSet<>(plan.files()));
            assertPrunesWhatPipRemoves(plan, before, after);
        }
        assertThat(venv.installed().all()).extracting(d -> d.name().toString()).containsExactly("devpkg", "pip");
    }

    @Test
    void legacyEditableRemovalTakesTheLinkAndItsPthLine() {
        TestVenv venv = TestVenv.create(temp);
        Path project = temp.resolve("devpkg-src");
        TestEnvironments.eggLinkInstall(venv.sitePackages(), project);
        Path pth = venv.sitePackages().resolve("easy-install.pth");
        write(pth, "/somewhere/else\n" + project + "\n./other.egg\n");
        RemovalPlan plan = planner(venv).plan(venv.installed().get("devpkg").orElseThrow());
        String pthBefore = TestEnvironments.read(pth);
        Map<Path, Boolean> before = venv.snapshot(project);
        venv.pipOk("uninstall", "-y", "devpkg");
        Map<Path, Boolean> after = venv.snapshot(project);
        assertThat(plan.files()).containsExactly(venv.sitePackages().resolve("devpkg.egg-link"));
        assertThat(removedFiles(before, after)).isEqualTo(new TreeSet<>(plan.files()));
        assertThat(plan.pthEdits()).containsExactly(new PthEdit(pth, project.toString()));
        assertThat(plan.pthEdits().get(0).apply(pthBefore)).isEqualTo(TestEnvironments.read(pth))
                .isEqualTo("/somewhere/else\n./other.egg\n");
    }

    @Test
    void sharedNamespaceFilesStayWithTheDistributionThatStillRecordsThem() {
        TestVenv venv = TestVenv.create(temp);
        Path wheels = wheels(temp);
        venv.pipOk("install", "--no-deps", "--find-links", wheels.toString(), "twisted", "plug");
        Path plugins = venv.sitePackages().resolve("twisted/plugins");
        RemovalPlan plan = planner(venv).plan(venv.installed().get("twisted").orElseThrow());
        assertThat(plan.skippedShared()).contains(plugins.resolve("__init__.py"))
                .allMatch(p -> p.toString().contains("__init__"));
        assertThat(plan.files()).contains(plugins.resolve("a.py"), venv.root().resolve("bin/twistd"))
                .noneMatch(p -> p.toString().contains("__init__") || p.toString().contains("fd_endpoint"));
        RemovalPlan together = planner(venv).plan(venv.installed().get("twisted").orElseThrow(),
                Set.copyOf(venv.installed().all()));
        assertThat(together.skippedShared()).isEmpty();
        assertThat(together.files()).containsAll(plan.skippedShared());

        // pip removes the shared files too; apart from them it removes what the plan does.
        Map<Path, Boolean> before = venv.snapshot();
        venv.pipOk("uninstall", "-y", "twisted");
        TreeSet<Path> expected = new TreeSet<>(plan.files());
        expected.addAll(plan.skippedShared());
        assertThat(removedFiles(before, venv.snapshot())).isEqualTo(expected);

        // Carried out, the plan leaves plug whole and importable.
        venv.pipOk("install", "--no-deps", "--find-links", wheels.toString(), "twisted");
        RemovalPlan again = planner(venv).plan(venv.installed().get("twisted").orElseThrow());
        carryOut(again);
        assertThat(venv.installed().get("twisted")).isEmpty();
        assertThat(plugins.resolve("__init__.py")).exists();
        assertThat(plugins.resolve("a.py")).doesNotExist();
        assertThat(venv.python("import twisted.plugins.fd_endpoint as e; print(e.E)")).isEqualTo("1\n");
        assertThat(venv.pipOk("check").stdout()).isEqualTo("No broken requirements found.\n");
        for (Path f : venv.installed().get("plug").orElseThrow().recordedFiles()) {
            assertThat(f).exists();
        }
    }

    /** Deletes the plan's files, then its emptied folders, as an executor would. */
    static void carryOut(RemovalPlan plan) {
        try {
            for (Path f : plan.files()) {
                Files.delete(f);
            }
            for (Path d : plan.directoriesToPruneIfEmpty()) {
                try (var entries = Files.list(d)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TreeSet<Path> removedFiles(Map<Path, Boolean> before, Map<Path, Boolean> after) {
        TreeSet<Path> removed = new TreeSet<>();
        before.forEach((p, dir) -> {
            if (!dir && !after.containsKey(p)) {
                removed.add(p);
            }
        });
        return removed;
    }

    /**
     * The folders pip removed are those the plan prunes; the plan may prune more, but only
     * folders pip left empty (pip removes a folder only when a removed file sat directly in it).
     */
    private static void assertPrunesWhatPipRemoves(RemovalPlan plan, Map<Path, Boolean> before, Map<Path, Boolean> after) {
        TreeMap<Path, Boolean> remaining = new TreeMap<>(before);
        plan.files().forEach(remaining::remove);
        Set<Path> pruned = new TreeSet<>();
        for (Path d : plan.directoriesToPruneIfEmpty()) {
            boolean empty = remaining.keySet().stream().noneMatch(p -> !p.equals(d) && p.startsWith(d));
            if (empty && remaining.containsKey(d)) {
                remaining.remove(d);
                pruned.add(d);
            }
        }
        Set<Path> pipRemoved = new TreeSet<>();
        before.forEach((p, dir) -> {
            if (dir && !after.containsKey(p)) {
                pipRemoved.add(p);
            }
        });
        assertThat(pruned).containsAll(pipRemoved);
        for (Path extra : pruned) {
            if (!pipRemoved.contains(extra)) {
                assertThat(after.keySet().stream().filter(p -> !p.equals(extra) && p.startsWith(extra)))
                        .as("pip left %s, which the plan prunes, empty", extra).isEmpty();
            }
        }
    }
}
