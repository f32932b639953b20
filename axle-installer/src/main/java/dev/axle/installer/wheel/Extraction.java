package dev.axle.installer.wheel;

import dev.axle.pep.record.RecordHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.Inflater;

/**
 * One pass of unpacking a wheel: streams each entry to its file through one reused buffer,
 * hashing as it writes, so no file is ever held whole in memory (except the small
 * {@code #!python} scripts, whose bodies the install plan needs).
 */
final class Extraction implements AutoCloseable {
    private static final int BUFFER = 128 * 1024;
    private static final long PROGRESS_STEP = 1 << 20;
    private static final int SCRIPT_LIMIT = 32 << 20;
    private static final byte[] PYTHON_SHEBANG = "#!python".getBytes(StandardCharsets.US_ASCII);
    private static final Set<StandardOpenOption> CREATE = EnumSet.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    /** rwx for all, before the umask: the mode pip gives executable files. */
    private static final FileAttribute<?> EXECUTABLE =
            PosixFilePermissions.asFileAttribute(EnumSet.allOf(PosixFilePermission.class));

    private final WheelArchive archive;
    private final ZipArchive zip;
    private final Path tree;
    private final String scriptsFolder;
    private final LongConsumer progress;
    private final boolean posix;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] compressed = new byte[BUFFER];
    private final Inflater inflater = new Inflater(true);
    private final Set<Path> folders = new HashSet<>();
    private final Map<String, MessageDigest> digests = new HashMap<>();
    private final Map<String, byte[]> pythonScripts = new LinkedHashMap<>();
    /** The paths written so far, lower-cased: to tell a case collision from a folder that was not empty. */
    private final Set<String> foldedNames = new HashSet<>();
    private long done;
    private long reported;

    Extraction(WheelArchive archive, ZipArchive zip, Path tree, String scriptsFolder, LongConsumer progress)
            throws IOException {
        this.archive = archive;
        this.zip = zip;
        this.tree = tree;
        this.scriptsFolder = scriptsFolder;
        this.progress = progress;
        this.posix = tree.getFileSystem().supportedFileAttributeViews().contains("posix");
        Files.createDirectories(tree);
        folders.add(tree);
    }

    WheelEntry extract(ZipMember m, RecordHash hash, byte[] expected, String symlinkTarget) throws IOException {
        Path target = tree.resolve(m.name());
        makeFolder(target.getParent());
        MessageDigest md = digests.computeIfAbsent(hash.algorithm(), Digests::create);
        boolean script = scriptsFolder != null && m.name().startsWith(scriptsFolder);
        boolean executable = symlinkTarget == null && (m.isExecutable() || script);
        ScriptCapture capture = script && symlinkTarget == null ? new ScriptCapture() : null;
        long size = 0;
        try (InputStream in = zip.open(m, compressed, inflater)) {
            if (symlinkTarget != null) {
                byte[] content = in.readAllBytes();
                md.update(content);
                size = content.length;
                Files.createSymbolicLink(target, Path.of(symlinkTarget));
                advance(size);
            } else {
                FileAttribute<?>[] attributes = executable && posix ? new FileAttribute<?>[] {EXECUTABLE}
                        : new FileAttribute<?>[0];
                try (FileChannel out = FileChannel.open(target, CREATE, attributes)) {
                    for (int n; (n = in.read(buffer)) != -1; ) {
                        md.update(buffer, 0, n);
                        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                        while (chunk.hasRemaining()) {
                            out.write(chunk);
                        }
                        if (capture != null) {
                            capture.add(m, buffer, n);
                        }
                        size += n;
                        advance(n);
                    }
                }
            }
        } catch (FileAlreadyExistsException e) {
            if (!foldedNames.contains(m.name().toLowerCase(Locale.ROOT))) {
                throw e; // the folder was not empty
            }
            throw new InvalidWheelException(archive.label(), m.name(), "collides with another file of the wheel "
                    + "whose path differs only in case, and this file system does not tell them apart");
        }
        foldedNames.add(m.name().toLowerCase(Locale.ROOT));
        byte[] actual = md.digest();
        if (!Arrays.equals(actual, expected)) {
            throw archive.hashMismatch(m.name(), actual);
        }
        if (capture != null && capture.isPythonScript()) {
            pythonScripts.put(m.name(), capture.body());
        }
        return new WheelEntry(m.name(), hash, size, executable, Optional.ofNullable(symlinkTarget));
    }

    private void makeFolder(Path folder) throws IOException {
        if (folders.add(folder)) {
            Files.createDirectories(folder);
        }
    }

    private void advance(long n) {
        done += n;
        if (done - reported >= PROGRESS_STEP) {
            reported = done;
            progress.accept(done);
        }
    }

    void finish() {
        progress.accept(done);
    }

    @Override
    public void close() {
        inflater.end();
    }

    Map<String, byte[]> pythonScripts() {
        return pythonScripts;
    }

    /** Keeps a script's bytes while they may still start with {@code #!python}, and all of them if they do. */
    private final class ScriptCapture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean rejected;

        void add(ZipMember m, byte[] chunk, int n) {
            if (rejected) {
                return;
            }
            int seen = bytes.size();
            for (int i = 0; i < n && seen + i < PYTHON_SHEBANG.length; i++) {
                if (chunk[i] != PYTHON_SHEBANG[seen + i]) {
                    rejected = true;
                    bytes.reset();
                    return;
                }
            }
            bytes.write(chunk, 0, n);
            if (bytes.size() > SCRIPT_LIMIT) {
                throw new InvalidWheelException(archive.label(), m.name(), "is a #!python script of more than "
                        + (SCRIPT_LIMIT >> 20) + " MiB; axle rewrites such scripts in memory and refuses larger ones");
            }
        }

        boolean isPythonScript() {
            return !rejected && bytes.size() >= PYTHON_SHEBANG.length;
        }

        /** Everything after the first line (which ends at the first LF, as Python's readline sees it). */
        byte[] body() {
            byte[] all = bytes.toByteArray();
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    return Arrays.copyOfRange(all, i + 1, all.length);
                }
            }
            return new byte[0];
        }
    }
}
