package dev.axle.installer.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.installer.WheelWriter;
import dev.axle.installer.wheel.InvalidWheelException;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.installer.wheel.WheelEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelCacheTest {
    @TempDir
    Path dir;

    /** Counts what a listener hears. */
    static final class Counting implements UnpackListener {
        final AtomicInteger hashing = new AtomicInteger();
        final AtomicInteger extracting = new AtomicInteger();
        final List<Boolean> fromCache = new ArrayList<>();
        long lastExtracted;
        long total;

        @Override
        public void hashing(Path wheel, long bytesDone, long bytesTotal) {
            hashing.incrementAndGet();
        }

        @Override
        public void extracting(Path wheel, long bytesDone, long bytesTotal) {
            extracting.incrementAndGet();
            lastExtracted = bytesDone;
            total = bytesTotal;
        }

        @Override
        public synchronized void unpacked(Path wheel, UnpackedWheel unpacked, boolean cached) {
            fromCache.add(cached);
        }
    }

    private static WheelWriter demo() {
        WheelWriter w = WheelWriter.wheel("demo", "1.0")
                .file("demo/__init__.py", "X = 1\n")
                .executable("demo/tool", "#!/bin/sh\necho tool\n")
                .file("demo/big.bin", new byte[3 << 20])
                .symlink("demo/alias.py", "__init__.py")
                .consoleScript("demo", "demo:main");
        return w.data("scripts", "run", "#!python\nprint('run')\n");
    }

    private Path cacheRoot() {
        return dir.resolve("cache/wheels-v1");
    }

    private List<String> rootListing() throws IOException {
        try (Stream<Path> s = Files.list(cacheRoot())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void coldThenWarmReadsOnlyTheManifest() throws Exception {
        Path wheel = demo().writeTo(dir);
        WheelCache cache = new WheelCache(cacheRoot());
        Counting cold = new Counting();
        UnpackedWheel first = cache.unpack(wheel, cold);
        assertThat(cold.hashing.get()).isPositive();
        assertThat(cold.extracting.get()).isPositive();
        assertThat(cold.lastExtracted).isEqualTo(cold.total).isGreaterThan(3 << 20);
        assertThat(cold.fromCache).containsExactly(false);
        assertThat(first.root()).isEqualTo(cacheRoot().resolve(first.sha256()).resolve("tree"));
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wheel))));

        // Overwrite the wheel with garbage of the same size and put the modification time
        // back: a warm unpack that opened or hashed the file would fail or miss the entry.
        FileTime modified = Files.getLastModifiedTime(wheel);
        byte[] garbage = new byte[(int) Files.size(wheel)];
        Arrays.fill(garbage, (byte) 'x');
        Files.write(wheel, garbage);
        Files.setLastModifiedTime(wheel, modified);

        Counting warm = new Counting();
        UnpackedWheel second = new WheelCache(cacheRoot()).unpack(wheel, warm);
        assertThat(warm.hashing.get()).isZero();
        assertThat(warm.extracting.get()).isZero();
        assertThat(warm.fromCache).containsExactly(true);
        assertSame(second, first);
        assertThat(rootListing()).containsExactly(first.sha256(), "index");
    }

    private static void assertSame(UnpackedWheel actual, UnpackedWheel expected) {
        assertThat(actual.root()).isEqualTo(expected.root());
        assertThat(actual.filename()).isEqualTo(expected.filename());
        assertThat(actual.sha256()).isEqualTo(expected.sha256());
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.displayName()).isEqualTo(expected.displayName());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.distInfo()).isEqualTo(expected.distInfo());
        assertThat(actual.dataFolder()).isEqualTo(expected.dataFolder());
        assertThat(actual.wheelInfo()).isEqualTo(expected.wheelInfo());
        assertThat(actual.files()).isEqualTo(expected.files());
        assertThat(actual.scripts()).isEqualTo(expected.scripts());
        assertThat(actual.metadata()).isEqualTo(expected.metadata());
        assertThat(actual.pythonScripts().keySet()).isEqualTo(expected.pythonScripts().keySet());
        actual.pythonScripts().forEach((k, v) -> assertThat(v).isEqualTo(expected.pythonScripts().get(k)));
    }

    @Test
    void theSameBytesElsewhereAreHashedButNotUnpackedAgain() throws IOException {
        Path wheel = demo().writeTo(dir);
        Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve(wheel.getFileName());
        Files.copy(wheel, copy);
        WheelCache cache = new WheelCache(cacheRoot());
        UnpackedWheel first = cache.unpack(wheel, UnpackListener.NONE);
        Counting listener = new Counting();
        UnpackedWheel second = cache.unpack(copy, listener);
        assertThat(listener.hashing.get()).isPositive();
        assertThat(listener.extracting.get()).isZero();
        assertThat(listener.fromCache).containsExactly(true);
        assertThat(second.root()).isEqualTo(first.root());
    }

    @Test
    void theCacheTreeHasModesAndLinks() throws IOException {
        UnpackedWheel w = new WheelCache(cacheRoot()).unpack(demo().writeTo(dir), UnpackListener.NONE);
        assertThat(Files.isExecutable(w.path("demo/tool"))).isTrue();
        assertThat(Files.isExecutable(w.path("demo/__init__.py"))).isFalse();
        assertThat(Files.isExecutable(w.path("demo-1.0.data/scripts/run"))).isTrue();
        assertThat(Files.isSymbolicLink(w.path("demo/alias.py"))).isTrue();
        assertThat(w.files()).filteredOn(WheelEntry::executable).extracting(WheelEntry::path)
                .containsExactlyInAnyOrder("demo/tool", "demo-1.0.data/scripts/run");
        assertThat(Files.exists(w.path("demo-1.0.dist-info/RECORD"))).isFalse();
    }

    @Test
    void aCorruptWheelLeavesNothingBehind() throws IOException {
        Path wheel = demo().recordLine("demo/big.bin", WheelWriter.hash(new byte[1]), Integer.toString(3 << 20))
                .writeTo(dir);
        WheelCache cache = new WheelCache(cacheRoot());
        assertThatThrownBy(() -> cache.unpack(wheel, UnpackListener.NONE))
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageContaining("demo/big.bin: does not match its RECORD hash");
        assertThat(rootListing()).isEmpty();
    }

    @Test
    void aWheelNotNamedLikeAWheelIsRefused() throws IOException {
        Path wheel = demo().writeTo(dir, "download.tmp");
        assertThatThrownBy(() -> new WheelCache(cacheRoot()).unpack(wheel, UnpackListener.NONE))
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageStartingWith("download.tmp: ");
        UnpackedWheel w = new WheelCache(cacheRoot()).unpack(wheel,
                dev.axle.pep.WheelFilename.parse("demo-1.0-py3-none-any.whl"), UnpackListener.NONE);
        assertThat(w.name().toString()).isEqualTo("demo");
    }

    @Test
    void theSameBytesUnderAnotherProjectsNameAreRefused() throws IOException {
        Path wheel = demo().writeTo(dir);
        Path renamed = Files.copy(wheel, dir.resolve("other-1.0-py3-none-any.whl"));
        WheelCache cache = new WheelCache(cacheRoot());
        // before the cache knows the bytes: the archive's own check
        assertThatThrownBy(() -> cache.unpack(renamed, UnpackListener.NONE))
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageStartingWith("other-1.0-py3-none-any.whl: demo-1.0.dist-info: does not match");
        cache.unpack(wheel, UnpackListener.NONE);
        // after: the entry's manifest names another project
        assertThatThrownBy(() -> cache.unpack(renamed, UnpackListener.NONE))
                .isInstanceOf(InvalidWheelException.class)
                .hasMessageStartingWith("other-1.0-py3-none-any.whl: is the same file as demo-1.0-py3-none-any.whl");
    }

    @Test
    void aPartialEntryIsRebuilt() throws IOException {
        Path wheel = demo().writeTo(dir);
        WheelCache cache = new WheelCache(cacheRoot());
        UnpackedWheel first = cache.unpack(wheel, UnpackListener.NONE);
        Path entry = cache.entry(first.sha256());
        // Damage the entry: no manifest, a file missing, a stray file.
        Files.delete(entry.resolve("manifest"));
        Files.delete(first.path("demo/__init__.py"));
        Files.writeString(entry.resolve("tree/stray"), "x");

        Counting listener = new Counting();
        UnpackedWheel again = new WheelCache(cacheRoot()).unpack(wheel, listener);
        assertThat(listener.extracting.get()).isPositive();
        assertThat(listener.fromCache).containsExactly(false);
        assertThat(Files.readString(again.path("demo/__init__.py"))).isEqualTo("X = 1\n");
        assertThat(Files.exists(entry.resolve("tree/stray"))).isFalse();
        assertThat(Files.exists(entry.resolve("manifest"))).isTrue();
        assertThat(rootListing()).containsExactly(first.sha256(), "index");
    }

    /** Unpacks the demo wheel, changes its manifest with {@code damage}, unpacks it again: rebuilt as it was. */
    private void assertRebuiltAfter(java.util.function.UnaryOperator<byte[]> damage) throws IOException {
        Path wheel = demo().writeTo(dir);
        WheelCache cache = new WheelCache(cacheRoot());
        UnpackedWheel first = cache.unpack(wheel, UnpackListener.NONE);
        Path manifest = cache.entry(first.sha256()).resolve("manifest");
        byte[] whole = Files.readAllBytes(manifest);
        Files.write(manifest, damage.apply(whole.clone()));
        Counting listener = new Counting();
        UnpackedWheel again = cache.unpack(wheel, listener);
        assertThat(listener.fromCache).containsExactly(false);
        assertThat(Files.readAllBytes(manifest)).isEqualTo(whole);
        assertThat(again.files()).isEqualTo(first.files());
    }

    @Test
    void aManifestOfAnotherFormatIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> {
            assertThat(java.nio.ByteBuffer.wrap(bytes).getInt(4)).isEqualTo(Manifest.FORMAT);
            java.nio.ByteBuffer.wrap(bytes).putInt(4, Manifest.FORMAT - 1);
            return bytes;
        });
    }

    @Test
    void aDamagedManifestIsRebuilt() throws IOException {
        assertRebuiltAfter(bytes -> Arrays.copyOf(bytes, bytes.length / 2));
    }

    @Test
    void aManifestKeepsEverythingTheWheelHolds() throws IOException {
        Path wheel = demo().metadataLines("Summary: \u00e9t\u00e9\n").writeTo(dir);
        UnpackedWheel built = new WheelCache(cacheRoot()).unpack(wheel, UnpackListener.NONE);
        UnpackedWheel read = new WheelCache(cacheRoot()).unpack(wheel, UnpackListener.NONE);
        assertThat(read.files()).isEqualTo(built.files());
        assertThat(read.files()).anySatisfy(f -> assertThat(f.symlinkTarget()).contains("__init__.py"))
                .anySatisfy(f -> assertThat(f.executable()).isTrue());
        assertThat(read.scripts()).isEqualTo(built.scripts()).isNotEmpty();
        assertThat(read.metadata()).isEqualTo(built.metadata());
        assertThat(new String(read.metadata(), java.nio.charset.StandardCharsets.UTF_8)).contains("\u00e9t\u00e9");
        assertThat(read.pythonScripts().keySet()).isEqualTo(built.pythonScripts().keySet()).isNotEmpty();
        assertThat(read.pythonScripts().values()).zipSatisfy(List.copyOf(built.pythonScripts().values()),
                (a, b) -> assertThat(a).isEqualTo(b));
        assertThat(read.wheelInfo()).isEqualTo(built.wheelInfo());
        assertThat(read.dataFolder()).isEqualTo(built.dataFolder());
        assertThat(read.distInfo()).isEqualTo(built.distInfo());
        assertThat(read.displayName()).isEqualTo(built.displayName());
    }

    @Test
    void concurrentUnpacksOfOneWheelShareOneEntry() throws Exception {
        Path wheel = demo().writeTo(dir);
        WheelCache shared = new WheelCache(cacheRoot());
        // Threads of one cache (in-process lock) and caches of their own on the same root
        // (as separate processes would be: they race to publish by rename).
        List<Callable<UnpackedWheel>> tasks = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 6; i++) {
            WheelCache cache = i % 2 == 0 ? shared : new WheelCache(cacheRoot());
            tasks.add(() -> {
                start.await();
                return cache.unpack(wheel, UnpackListener.NONE);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<UnpackedWheel>> results = new ArrayList<>();
            tasks.forEach(t -> results.add(pool.submit(t)));
            start.countDown();
            UnpackedWheel first = results.get(0).get();
            for (Future<UnpackedWheel> f : results) {
                UnpackedWheel w = f.get();
                assertThat(w.root()).isEqualTo(first.root());
                assertThat(Files.readString(w.path("demo/__init__.py"))).isEqualTo("X = 1\n");
            }
            assertThat(rootListing()).containsExactly(first.sha256(), "index");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleTemporariesAreRemoved() throws IOException {
        Path stale = Files.createDirectories(cacheRoot().resolve(".tmp-123/tree/demo"));
        Files.writeString(stale.resolve("x.py"), "x");
        Path fresh = Files.createDirectories(cacheRoot().resolve(".tmp-456"));
        Files.setLastModifiedTime(cacheRoot().resolve(".tmp-123"), FileTime.fromMillis(0));
        assertThat(new WheelCache(cacheRoot()).removeStaleTemporaries(Duration.ofHours(1))).isEqualTo(1);
        assertThat(rootListing()).containsExactly(".tmp-456");
        assertThat(fresh).exists();
    }
}
