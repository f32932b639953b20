package dev.axle.index;

import static dev.axle.index.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.axle.pep.ProjectName;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link FindLinks}: folders and HTML pages, local and over loopback. */
class FindLinksTest {
    @TempDir
    Path tmp;

    private static final String PAGE = """
            <html><head><title>Not a simple API page</title></head><body>
              <h1>Downloads</h1>
              <p><a href="wheels/holygrail-1.0-py3-none-any.whl#sha256=%s">the wheel</a></p>
              <p><a href="https://example.org/dl/HolyGrail-1.0.tar.gz">sdist elsewhere</a>
                 <a href="../other/spam-2.0-beta.zip#md5=0123456789abcdef0123456789abcdef">legacy</a>
                 <a href="#top">top</a></p>
            </body></html>
            """.formatted("ab".repeat(32));

    @Test
    void aFolderListsEveryFileInItButNotInSubfolders() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("wheelhouse"));
        Path wheel = TestWheel.of("holygrail", "1.0").write(folder);
        Files.writeString(folder.resolve("HolyGrail-0.9.tar.gz"), "sdist");
        Files.writeString(folder.resolve("notes.txt"), "not a distribution");
        Files.createDirectories(folder.resolve("sub")).resolve("spam-1.0-py3-none-any.whl").toFile().createNewFile();

        try (FindLinks links = FindLinks.of(folder)) {
            assertThat(links.files()).extracting(DistributionFile::filename)
                    .containsExactly("HolyGrail-0.9.tar.gz", "holygrail-1.0-py3-none-any.whl", "notes.txt");
            assertThat(links.files()).allSatisfy(f -> assertThat(f.hashes()).isEmpty());
            DistributionFile found = links.files().get(1);
            assertThat(Path.of(found.url())).isEqualTo(wheel);
            assertThat(links.wheelMetadata(found, DownloadListener.NONE).via()).isEqualTo(WheelMetadata.Via.LOCAL_FILE);
        }
    }

    @Test
    void aFolderFileUrlWithOrWithoutItsSlash() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("wheelhouse"));
        TestWheel.of("holygrail", "1.0").write(folder);
        String url = folder.toUri().toString();

        for (String u : new String[] {url, url.substring(0, url.length() - 1)}) {
            try (FindLinks links = FindLinks.of(URI.create(u), HttpIndexTest.FAST)) {
                assertThat(links.files()).extracting(DistributionFile::filename)
                        .containsExactly("holygrail-1.0-py3-none-any.whl");
            }
        }
    }

    @Test
    void aLocalDistributionIsItsOwnOnlyLink() throws Exception {
        Path wheel = TestWheel.of("holygrail", "1.0").write(tmp);

        try (FindLinks links = FindLinks.of(wheel)) {
            assertThat(links.files()).singleElement().satisfies(f -> assertThat(Path.of(f.url())).isEqualTo(wheel));
        }
    }

    @Test
    void aLocalHtmlPageListsItsLinksResolvedAgainstIt() throws Exception {
        Path page = Files.writeString(Files.createDirectories(tmp.resolve("site")).resolve("links.html"), PAGE);

        try (FindLinks links = FindLinks.of(page)) {
            assertThat(links.files()).extracting(f -> f.filename() + " " + f.url() + " " + f.hashes()).containsExactly(
                    "holygrail-1.0-py3-none-any.whl " + page.toUri().resolve("wheels/holygrail-1.0-py3-none-any.whl")
                            + " {sha256=" + "ab".repeat(32) + "}",
                    "HolyGrail-1.0.tar.gz https://example.org/dl/HolyGrail-1.0.tar.gz {}",
                    "spam-2.0-beta.zip " + page.toUri().resolve("../other/spam-2.0-beta.zip")
                            + " {md5=0123456789abcdef0123456789abcdef}",
                    "links.html " + page.toUri().resolve("#top") + " {}");
        }
    }

    @Test
    void anHttpPageIsAnyHtmlAfterRedirects() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.on("/old", x -> LoopbackServer.redirect(x, 301, "/downloads/index.html"));
            server.on("/downloads/", x -> send(x, 200, "text/html; charset=utf-8", PAGE));

            try (FindLinks links = FindLinks.of(server.url("/old"), HttpIndexTest.FAST)) {
                assertThat(links.files()).extracting(DistributionFile::url).startsWith(
                        server.url("/downloads/wheels/holygrail-1.0-py3-none-any.whl"),
                        URI.create("https://example.org/dl/HolyGrail-1.0.tar.gz"),
                        server.url("/other/spam-2.0-beta.zip"));
                assertThat(server.requests).extracting(LoopbackServer.Request::accept).containsOnly("text/html");
            }
        }
    }

    @Test
    void aMissingLocationIsAnError() {
        try (FindLinks links = FindLinks.of(tmp.resolve("nowhere"))) {
            var e = Thrown.by(IndexUnavailableException.class, links::files);
            assertThat(e).hasMessageContaining("nowhere").hasMessageContaining("no such file");
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "holygrail-1.0-py3-none-any.whl, holygrail",
            "Holy_Grail-1.0-1-cp312-cp312-manylinux_2_17_x86_64.whl, holy-grail",
            "HolyGrail-1.0.tar.gz, holygrail",
            "holy.grail-v2.zip, holy-grail",
            // Legacy names packaging refuses: split at the last '-' before a digit.
            "spam-2.0-beta.zip, spam",
            "Spam_Eggs-1.0-dev-r123.tar.bz2, spam-eggs",
            "py-3to2-1.0.tgz, py-3to2",
            "holygrail.tar.gz, -",
            "holygrail-beta.tar.gz, -",
            "not-a-wheel.whl, -",
            "notes.txt, -",
            "holygrail-1.0.exe, -",
    })
    void projectNameFromAFilename(String filename, String project) {
        assertThat(FindLinks.projectName(filename)).isEqualTo(Optional.ofNullable(project).map(ProjectName::parse));
    }

    @Test
    void folderFilesHaveNoHashes() throws Exception {
        Files.writeString(tmp.resolve("a-1.0.tar.gz"), "x");
        try (FindLinks links = FindLinks.of(tmp)) {
            assertThat(links.files()).singleElement().extracting(DistributionFile::hashes).isEqualTo(Map.of());
        }
    }
}
