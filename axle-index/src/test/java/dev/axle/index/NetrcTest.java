package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcTest {
    @Test
    void machinesDefaultCommentsQuotesAndMacros() {
        Netrc netrc = Netrc.parse("""
                # a comment
                machine pypi.example.com login alice password s3cret
                machine Other.Example   login bob
                  account ignored password "pass word\\"s"
                macdef init
                cd /pub
                login nobody password nothing

                machine pypi.example.com login second password ignored
                default login anonymous password guest@
                """);

        assertThat(netrc.lookup("PYPI.example.com")).hasValue(new Credentials("alice", "s3cret"));
        assertThat(netrc.lookup("other.example")).hasValue(new Credentials("bob", "pass word\"s"));
        assertThat(netrc.lookup("unknown.example")).hasValue(new Credentials("anonymous", "guest@"));
        assertThat(netrc.machines()).containsOnlyKeys("pypi.example.com", "other.example");
        assertThat(netrc.toString()).doesNotContain("s3cret", "guest@");
    }

    @Test
    void oneLineAndNoDefault() {
        Netrc netrc = Netrc.parse("machine a login u password p machine b login v password q");
        assertThat(netrc.lookup("b")).hasValue(new Credentials("v", "q"));
        assertThat(netrc.lookup("c")).isEmpty();
        assertThat(Netrc.parse("")).isEqualTo(Netrc.EMPTY);
    }

    @Test
    void missingFileIsEmpty(@TempDir Path tmp) throws Exception {
        assertThat(Netrc.read(tmp.resolve("absent"))).isEqualTo(Netrc.EMPTY);
    }
}
