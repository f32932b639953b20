package dev.axle.sync;

import static dev.axle.sync.Locks.wheel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.installer.DirectUrl;
import dev.axle.installer.db.InstalledDistribution;
import dev.axle.installer.db.InstalledDistributions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncPlanTest {
    static final String INDEX = "https://pypi.org/simple";
    static final String URL = "https://files.example/";

    @TempDir
    Path site;

    Path lockFolder = Path.of("/locks");

    /** A dist-info folder of {@code name} {@code version}, with this direct_url.json if not null. */
    void installed(String name, String version, DirectUrl directUrl) throws IOException {
        Path distInfo = Files.createDirectories(site.resolve(name + "-" + version + ".dist-info"));
        Files.writeString(distInfo.resolve("METADATA"), "Metadata-Version: 2.1\nName: " + name + "\nVersion: "
                + version + "\n");
        Files.writeString(distInfo.resolve("RECORD"), "");
        if (directUrl != null) {
            Files.writeString(distInfo.resolve("direct_url.json"), directUrl.toJson());
        }
    }

    SyncPlan plan(List<LockedWheel> wheels, boolean exact) {
        return SyncPlan.of(wheels, InstalledDistributions.read(List.of(site)), lockFolder, exact);
    }

    static List<String> actions(SyncPlan plan) {
        return plan.steps().stream().map(s -> s.action() + " " + s.wheel()).toList();
    }

    @Test
    void eachWheelIsInstalledReplacedOrKeptAndTheRestRemoved() throws IOException {
        installed("kept", "1.0", null);
        installed("older", "1.0", null);
        installed("extra", "3.0", null);
        SyncPlan plan = plan(List.of(
                wheel("kept", "1.0", INDEX, URL + "kept-1.0-py3-none-any.whl", null, Map.of("sha256", "aa")),
                wheel("older", "2.0", INDEX, URL + "older-2.0-py3-none-any.whl", null, Map.of("sha256", "bb")),
                wheel("fresh", "1.0", INDEX, URL + "fresh-1.0-py3-none-any.whl", null, Map.of("sha256", "cc"))), true);
        assertThat(actions(plan)).containsExactly("KEEP kept==1.0", "REPLACE older==2.0", "INSTALL fresh==1.0");
        assertThat(plan.remove()).extracting(InstalledDistribution::displayName).containsExactly("extra");
        assertThat(plan.toInstall()).extracting(LockedWheel::toString).containsExactly("older==2.0", "fresh==1.0");
        assertThat(plan.changesNothing()).isFalse();

        SyncPlan inexact = plan(List.of(
                wheel("kept", "1.0", INDEX, URL + "kept-1.0-py3-none-any.whl", null, Map.of("sha256", "aa"))), false);
        assertThat(inexact.remove()).isEmpty();
        assertThat(inexact.changesNothing()).isTrue();
    }

    @Test
    void theSameVersionFromAnotherOriginIsReplaced() throws IOException {
        String url = URL + "direct-1.0-py3-none-any.whl";
        installed("direct", "1.0", DirectUrl.archive(url, Optional.of("aa")));
        installed("registry", "1.0", null);
        installed("moved", "1.0", DirectUrl.archive(URL + "old/moved-1.0-py3-none-any.whl", Optional.empty()));
        installed("rebuilt", "1.0", DirectUrl.archive(URL + "rebuilt-1.0-py3-none-any.whl", Optional.of("00")));
        installed("local", "1.0", DirectUrl.archive(DirectUrl.fileUrl(Path.of("/locks/w/local-1.0-py3-none-any.whl")),
                Optional.empty()));
        SyncPlan plan = plan(List.of(
                wheel("direct", "1.0", null, url, null, Map.of("sha256", "aa")),
                // Installed from an index: a lock entry of the same version by URL is another origin.
                wheel("registry", "1.0", null, URL + "registry-1.0-py3-none-any.whl", null, Map.of("sha256", "bb")),
                wheel("moved", "1.0", null, URL + "new/moved-1.0-py3-none-any.whl", null, Map.of("sha256", "cc")),
                wheel("rebuilt", "1.0", null, URL + "rebuilt-1.0-py3-none-any.whl", null, Map.of("sha256", "dd")),
                wheel("local", "1.0", null, null, "w/local-1.0-py3-none-any.whl", Map.of("sha256", "ee"))), true);
        assertThat(actions(plan)).containsExactly("KEEP direct==1.0", "REPLACE registry==1.0", "REPLACE moved==1.0",
                "REPLACE rebuilt==1.0", "KEEP local==1.0");
    }

    @Test
    void aDirectInstallIsReplacedByTheIndexsWheel() throws IOException {
        installed("pkg", "1.0", DirectUrl.archive(URL + "pkg-1.0-py3-none-any.whl", Optional.empty()));
        SyncPlan plan = plan(List.of(wheel("pkg", "1.0", INDEX, URL + "pkg-1.0-py3-none-any.whl", null,
                Map.of("sha256", "aa"))), true);
        assertThat(actions(plan)).containsExactly("REPLACE pkg==1.0");
    }
}
