package dev.axle.installer.db;

import static dev.axle.installer.db.TestEnvironments.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removal plans for the cases pip cannot show: refusals, links, byte-code of other interpreters. */
class RemovalPlannerTest {
    @TempDir
    Path temp;
    Path root;
    Path site;

    @BeforeEach
    void environment() {
        root = temp.resolve("env");
        site = root.resolve("lib/python3.12/site-packages");
        write(site.resolve(".keep"), "");
    }

    private RemovalPlan plan(String name) {
        InstalledDistributions installed = InstalledDistributions.read(List.of(site, temp.resolve("elsewhere")));
        return RemovalPlanner.planRemoval(installed.get(name).orElseThrow(), installed, root,
                List.of(site, root.resolve("bin"), root));
    }

    private void distInfo(String name, String record, String... files) {
        Path info = site.resolve(name + "-1.0.dist-info");
        write(info.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + name + "\nVersion: 1.0\n");
        if (record != null) {
            write(info.resolve("RECORD"), record);
        }
        for (String f : files) {
            write(site.resolve(f), "");
        }
    }

    @Test
    void removesByteCodeOfEveryInterpreterAndTheWholeMetadataFolder() {
        distInfo("mod", "mod.py,,\nmod-1.0.dist-info/METADATA,,\nmod-1.0.dist-info/RECORD,,\ngone.py,,\n", "mod.py",
                "__pycache__/mod.cpython-312.pyc", "__pycache__/mod.cpython-313.opt-1.pyc", "__pycache__/mod.pypy310.pyc",
                "__pycache__/modx.cpython-312.pyc", "__pycache__/mod.extra.cpython-312.pyc", "mod.pyc",
                "mod-1.0.dist-info/unrecorded.txt", "mod-1.0.dist-info/licenses/LICENSE");
        RemovalPlan plan = plan("mod");
        Path info = site.resolve("mod-1.0.dist-info");
        assertThat(plan.files()).containsExactlyInAnyOrder(site.resolve("mod.py"), site.resolve("mod.pyc"),
                site.resolve("__pycache__/mod.cpython-312.pyc"), site.resolve("__pycache__/mod.cpython-313.opt-1.pyc"),
                site.resolve("__pycache__/mod.pypy310.pyc"), info.resolve("METADATA"), info.resolve("RECORD"),
                info.resolve("unrecorded.txt"), info.resolve("licenses/LICENSE"));
        assertThat(plan.directoriesToPruneIfEmpty()).containsExactly(info.resolve("licenses"),
                site.resolve("__pycache__"), info);
    }

    @Test
    void foldersAreNotRemovedWholesaleAndPruningStopsAtTheSchemeFolders() {
        distInfo("pkg", "pkg/,,\npkg/a/b.txt,,\n../../../bin/tool,,\n", "pkg/a/b.txt", "pkg/unrelated.txt");
        write(root.resolve("bin/tool"), "#!/bin/sh\n");
        RemovalPlan plan = plan("pkg");
        assertThat(plan.files()).contains(site.resolve("pkg/a/b.txt"), root.resolve("bin/tool"))
                .doesNotContain(site.resolve("pkg/unrelated.txt"));
        assertThat(plan.directoriesToPruneIfEmpty()).containsExactly(site.resolve("pkg/a"), site.resolve("pkg"),
                site.resolve("pkg-1.0.dist-info"));
    }

    @Test
    void relativeFoldersGiveAbsolutePlans() {
        distInfo("rel", "rel.py,,\n", "rel.py");
        Path relativeSite = Path.of("").toAbsolutePath().relativize(site);
        InstalledDistributions installed = InstalledDistributions.read(List.of(relativeSite));
        RemovalPlan plan = RemovalPlanner.planRemoval(installed.get("rel").orElseThrow(), installed, root, List.of(site));
        assertThat(plan.files()).containsExactly(site.resolve("rel-1.0.dist-info/METADATA"),
                site.resolve("rel-1.0.dist-info/RECORD"), site.resolve("rel.py"));
    }

    @Test
    void refusesWithoutRecordNamingTheInstaller() {
        distInfo("debpkg", null);
        write(site.resolve("debpkg-1.0.dist-info/INSTALLER"), "debian\n");
        assertThatThrownBy(() -> plan("debpkg")).isInstanceOf(UninstallRefusedException.class)
                .hasMessage("Cannot uninstall debpkg 1.0: the package's contents are unknown: no RECORD file was found"
                        + " for debpkg. The package was installed by debian. You should check if it can uninstall the"
                        + " package.");
        distInfo("bare", null);
        assertThatThrownBy(() -> plan("bare")).hasMessageContaining("pip install --ignore-installed --no-deps bare==1.0");
    }

    @Test
    void refusesDistutilsInstalls() {
        TestEnvironments.distutilsEggInfo(site);
        assertThatThrownBy(() -> plan("distpkg")).isInstanceOf(UninstallRefusedException.class)
                .hasMessageContaining("distutils installed project");
    }

    @Test
    void refusesFilesOutsideTheEnvironment() {
        distInfo("escape", "escape.py,,\n../../../../outside.txt,,\n", "escape.py");
        write(temp.resolve("outside.txt"), "keep me");
        assertThatThrownBy(() -> plan("escape")).isInstanceOf(UninstallRefusedException.class)
                .hasMessageContaining(temp.resolve("outside.txt").toString())
                .extracting(e -> ((UninstallRefusedException) e).path().orElseThrow())
                .isEqualTo(temp.resolve("outside.txt"));
    }

    @Test
    void refusesFilesThatLinksPlaceOutsideButRemovesLinksThemselves() throws IOException {
        write(temp.resolve("target/x.py"), "");
        Files.createSymbolicLink(site.resolve("linkdir"), temp.resolve("target"));
        distInfo("linky", "linkdir/x.py,,\n");
        assertThatThrownBy(() -> plan("linky")).isInstanceOf(UninstallRefusedException.class)
                .hasMessageContaining("symbolic link");

        Files.createSymbolicLink(site.resolve("alias.py"), temp.resolve("target/x.py"));
        distInfo("aliased", "alias.py,,\n");
        assertThat(plan("aliased").files()).contains(site.resolve("alias.py"));
    }

    @Test
    void refusesDistributionsOutsideTheEnvironment() {
        write(temp.resolve("elsewhere/far-1.0.dist-info/METADATA"), "Metadata-Version: 2.1\nName: far\nVersion: 1.0\n");
        write(temp.resolve("elsewhere/far-1.0.dist-info/RECORD"), "far-1.0.dist-info/METADATA,,\n");
        assertThatThrownBy(() -> plan("far")).isInstanceOf(UninstallRefusedException.class)
                .hasMessage("Not uninstalling far at " + temp.resolve("elsewhere") + ", outside environment " + root);
    }

    @Test
    void eggInfoWithoutFileListRemovesItsTopLevelPackagesButNotNamespaces() {
        Path info = site.resolve("old-1.0-py3.12.egg-info");
        write(info.resolve("PKG-INFO"), "Metadata-Version: 1.0\nName: old\nVersion: 1.0\n");
        write(info.resolve("top_level.txt"), "old\noldmod\nns\n");
        write(info.resolve("namespace_packages.txt"), "ns\n");
        write(site.resolve("old/__init__.py"), "");
        write(site.resolve("old/deep/data.bin"), "");
        write(site.resolve("oldmod.py"), "");
        write(site.resolve("ns/__init__.py"), "");
        RemovalPlan plan = plan("old");
        assertThat(plan.files()).containsExactlyInAnyOrder(site.resolve("old/__init__.py"),
                site.resolve("old/deep/data.bin"), site.resolve("oldmod.py"), info.resolve("PKG-INFO"),
                info.resolve("top_level.txt"), info.resolve("namespace_packages.txt"));
    }

    @Test
    void pthEditsKeepLineEndsAndTakeOutOneLine() {
        PthEdit edit = new PthEdit(site.resolve("easy-install.pth"), "/src/dev");
        assertThat(edit.apply("/a\n/src/dev\n/b\n")).isEqualTo("/a\n/b\n");
        assertThat(edit.apply("/a\r\n/src/dev\r\n/b")).isEqualTo("/a\r\n/b\r\n");
        assertThat(edit.apply("/src/dev")).isEqualTo("");
        assertThat(edit.apply("/src/dev\n/src/dev\n")).isEqualTo("/src/dev\n");
        assertThat(edit.apply("/src/developer\n")).isEqualTo("/src/developer\n");
        assertThat(edit.apply("")).isEqualTo("");
    }
}
