package dev.axle.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pip installs from a folder mirror, read as files and served by a plain static web server (the JDK's). */
class PipFromFolderMirrorTest {
    @TempDir
    Path temp;

    @Test
    void pipInstallsOverFileUrlsAndAPlainWebServerHonouringYanksAndRequiresPython() throws Exception {
        Path mirror = temp.resolve("mirror");
        try (UpstreamIndex upstream = UpstreamIndex.start(temp)) {
            upstream.wheel("Hello.Axle", "1.0");
            upstream.wheel("Hello.Axle", "2.0");
            upstream.wheel("Hello.Axle", "3.0", "Requires-Python: >=4\n");
            upstream.yank("hello-axle", "2.0", "bad");
            upstream.wheel("needs-hello", "1.0", "Requires-Dist: hello.axle<3\n");
            assertThat(Syncs.sync(upstream.simple(), mirror).failures()).isEmpty();
        }
        // The upstream is gone: everything comes from the mirror.
        assertThat(Pip.install(temp.resolve("t1"), mirror.resolve("simple").toUri().toString(), "hello-axle",
                "hello_axle_mod")).as("2.0 yanked, 3.0 for Python 4").isEqualTo("1.0");
        HttpServer web = SimpleFileServer.createFileServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                mirror, SimpleFileServer.OutputLevel.NONE);
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/simple/";
            assertThat(Pip.install(temp.resolve("t2"), url, "Hello_Axle==2.0", "hello_axle_mod"))
                    .as("a yanked release pinned exactly").isEqualTo("2.0");
            assertThat(Pip.install(temp.resolve("t3"), url, "needs-hello", "hello_axle_mod")).isEqualTo("1.0");
        } finally {
            web.stop(0);
        }
    }
}
