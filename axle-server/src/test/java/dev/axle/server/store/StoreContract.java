package dev.axle.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;


/**
 * What every {@link SqlStore} does, whichever database it runs on: what it keeps across a reopen,
 * the serial, the clean-ups and the schema's migrations.
 */
abstract class StoreContract {
    /** Opens the database under test (the same one on every call in a test). */
    abstract SqlStore open();

    static StoredFile file(String index, String project, String version, String filename, String sha) {
        return new StoredFile(index, project, version, filename, "bdist_wheel", sha + "/" + filename, sha, "md5", 10,
                Instant.parse("2026-01-02T03:04:05.123456Z"), Optional.of(">=3.8"), false, Optional.empty(),
                Optional.of("m".repeat(64)), Optional.empty());
    }

    @Test
    void keepsEverythingAcrossAReopenAndCountsChanges() {
                try (SqlStore store = open()) {
            assertThat(store.indexes()).containsExactly(IndexConfig.of("main"));
            assertThat(store.serial()).isZero();
            assertThat(store.addFile(file("main", "spam", "1.0", "spam-1.0-py3-none-any.whl", "a"), "Spam", "meta"))
                    .isEqualTo(new AddResult.Added(1));
            assertThat(store.addFile(file("main", "spam", "1.0", "spam-1.0-py3-none-any.whl", "b"), "Spam", "x"))
                    .isInstanceOf(AddResult.Exists.class);
            store.saveIndex(new IndexConfig("mirror", List.of(), false, Optional.of(URI.create("https://up/simple/")),
                    List.of("spam*")));
            store.addToken("main", "ci", "h".repeat(64));
        }
        try (SqlStore store = open()) {
            assertThat(store.serial()).isEqualTo(2);
            assertThat(store.project("main", "spam")).hasValue(new Project("main", "spam", "Spam", 1));
            StoredFile kept = store.file("main", "spam-1.0-py3-none-any.whl").orElseThrow();
            assertThat(kept).isEqualTo(file("main", "spam", "1.0", "spam-1.0-py3-none-any.whl", "a"));
            assertThat(store.releases("main", "spam")).extracting(Release::metadata).containsExactly("meta");
            assertThat(store.index("mirror").orElseThrow().allows("spam-eggs")).isTrue();
            assertThat(store.index("mirror").orElseThrow().allows("eggs")).isFalse();
            assertThat(store.tokenByHash("h".repeat(64))).map(Token::name).hasValue("ci");
            assertThatThrownBy(() -> store.addToken("main", "ci2", "h".repeat(64))).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void yanksByPep440VersionAndDeletesEmptyReleasesAndProjects() {
        try (SqlStore store = open()) {
            store.addFile(file("main", "spam", "1.0", "spam-1.0-py3-none-any.whl", "a"), "spam", "");
            store.addFile(file("main", "spam", "1.0", "spam-1.0.tar.gz", "b"), "spam", "");
            store.addFile(file("main", "spam", "2.0", "spam-2.0-py3-none-any.whl", "c"), "spam", "");
            long before = store.serial();
            assertThat(store.setYanked("main", "spam", "1.0.0", Optional.empty(), true, Optional.of("why"))).isEqualTo(2);
            assertThat(store.serial()).isEqualTo(before + 1);
            assertThat(store.project("main", "spam").orElseThrow().lastSerial()).isEqualTo(before + 1);
            assertThat(store.file("main", "spam-1.0.tar.gz").orElseThrow().yankedReason()).hasValue("why");
            assertThat(store.setYanked("main", "spam", "3.0", Optional.empty(), true, Optional.empty())).isZero();
            assertThat(store.serial()).isEqualTo(before + 1);

            assertThat(store.delete("main", "spam", "1.0", Optional.of("spam-1.0.tar.gz"))).hasSize(1);
            assertThat(store.blobReferenced("b/spam-1.0.tar.gz")).isFalse();
            assertThat(store.releases("main", "spam")).extracting(Release::version).containsExactly("1.0", "2.0");
            store.delete("main", "spam", "1.0", Optional.empty());
            assertThat(store.releases("main", "spam")).extracting(Release::version).containsExactly("2.0");
            store.delete("main", "spam", "2.0", Optional.empty());
            assertThat(store.project("main", "spam")).isEmpty();
            assertThat(store.projects("main")).isEmpty();
        }
    }

    @Test
    void proxiedListingsMoveTheSerialOnlyWhenTheyChange() {
        try (SqlStore store = open()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<StoredFile> listing = List.of(file("mirror", "spam", "1.0", "spam-1.0-py3-none-any.whl", "a"));
            store.replaceProxied("mirror", "spam", "Spam", listing, now);
            long serial = store.serial();
            store.replaceProxied("mirror", "spam", "Spam", listing, now.plusSeconds(60));
            assertThat(store.serial()).isEqualTo(serial);
            assertThat(store.proxiedAt("mirror", "spam")).hasValue(now.plusSeconds(60));
            store.replaceProxied("mirror", "spam", "Spam", List.of(), now.plusSeconds(120));
            assertThat(store.serial()).isEqualTo(serial + 1);
            assertThat(store.project("mirror", "spam")).isEmpty();
        }
    }

    @Test
    void migratesOnceAndRefusesASchemaNewerThanItKnows() throws Exception {
        try (SqlStore store = open()) {
            assertThat(store.schemaVersion()).isEqualTo(SqlStore.MIGRATIONS.size());
        }
        try (SqlStore again = open()) { // nothing left to apply
            assertThat(again.schemaVersion()).isEqualTo(SqlStore.MIGRATIONS.size());
            assertThat(again.indexes()).containsExactly(IndexConfig.of("main"));
        }
        try (java.sql.Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_migrations (version, applied) VALUES (" + (SqlStore.MIGRATIONS.size() + 1)
                    + ", 0)");
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version " + (SqlStore.MIGRATIONS.size() + 1))
                .hasMessageContaining("run a newer axle");
    }

    /** A plain connection to the database under test. */
    abstract java.sql.Connection connect() throws java.sql.SQLException;
}
