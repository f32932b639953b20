package dev.axle.installer.cache;

import dev.axle.installer.wheel.EntryPoint;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.installer.wheel.WheelEntry;
import dev.axle.installer.wheel.WheelInfo;
import dev.axle.pep.ProjectName;
import dev.axle.pep.WheelFilename;
import dev.axle.pep.record.RecordHash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cache entry knows about its wheel, as the file {@code manifest} beside the unpacked
 * tree: everything {@link UnpackedWheel} holds, so a warm unpack reads this one file and
 * nothing else. Its presence is what makes an entry complete (it is written last, before the
 * entry is published by renaming its folder).
 *
 * <p>A binary format, because a warm install reads one manifest per wheel, tens of thousands
 * of file rows in all: JSON through Jackson took 0.14 s of CPU for 303 wheels, this layout a
 * fraction of that. Big-endian, as {@link DataOutputStream} writes: the magic {@code AXLM},
 * the format number, then the fields in declaration order; a string is an int length and
 * its UTF-8 bytes, or length -1 for null; a list is an int count and its elements; a
 * boolean one byte. A file row is path, hash, size (long), a flags byte (1 executable,
 * 2 symbolic link) and, for links, the target.
 */
record Manifest(
        int format,
        String wheel,
        String sha256,
        String displayName,
        String distInfo,
        String dataFolder,
        String wheelVersion,
        String generator,
        boolean rootIsPurelib,
        List<String> tags,
        byte[] metadata,
        List<File> files,
        List<Script> scripts,
        Map<String, byte[]> pythonScripts) {

    /** Bumped whenever the layout of entries or manifests changes; other formats are rebuilt. */
    static final int FORMAT = 2;

    private static final int MAGIC = 0x41584c4d; // "AXLM"
    private static final int EXECUTABLE = 1;
    private static final int SYMLINK = 2;

    /** A file: path, RECORD hash, size, executable, symlink target (or null). */
    record File(String path, String hash, long size, boolean executable, String symlinkTarget) {}

    record Script(String group, String name, String value) {}

    static Manifest of(UnpackedWheel w) {
        List<File> files = new ArrayList<>(w.files().size());
        for (WheelEntry e : w.files()) {
            files.add(new File(e.path(), e.hash().toString(), e.size(), e.executable(), e.symlinkTarget().orElse(null)));
        }
        List<Script> scripts = new ArrayList<>();
        for (EntryPoint e : w.scripts()) {
            scripts.add(new Script(e.group(), e.name(), e.value()));
        }
        return new Manifest(FORMAT, w.filename().toString(), w.sha256(), w.displayName(), w.distInfo(),
                w.dataFolder().orElse(null), w.wheelInfo().wheelVersion(), w.wheelInfo().generator().orElse(null),
                w.rootIsPurelib(), w.tags(), w.metadata(), files, scripts, new LinkedHashMap<>(w.pythonScripts()));
    }

    /** The wheel this manifest describes, unpacked at {@code tree}, under the caller's filename. */
    UnpackedWheel toUnpackedWheel(Path tree, WheelFilename filename) {
        List<WheelEntry> entries = new ArrayList<>(files.size());
        for (File f : files) {
            entries.add(new WheelEntry(f.path(), RecordHash.parse(f.hash()), f.size(), f.executable(),
                    Optional.ofNullable(f.symlinkTarget())));
        }
        List<EntryPoint> entryPoints = new ArrayList<>(scripts.size());
        for (Script s : scripts) {
            entryPoints.add(EntryPoint.parse(s.group(), s.name(), s.value()));
        }
        WheelInfo info = new WheelInfo(wheelVersion, Optional.ofNullable(generator), rootIsPurelib, tags);
        return new UnpackedWheel(tree, filename, sha256, ProjectName.parse(filename.name()), displayName,
                filename.version(), distInfo, Optional.ofNullable(dataFolder), info, entries, entryPoints,
                metadata, pythonScripts);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + files.size() * 96 + metadata.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(format);
            for (String s : new String[] {wheel, sha256, displayName, distInfo, dataFolder, wheelVersion, generator}) {
                writeString(out, s);
            }
            out.writeBoolean(rootIsPurelib);
            out.writeInt(tags.size());
            for (String tag : tags) {
                writeString(out, tag);
            }
            writeBytes(out, metadata);
            out.writeInt(files.size());
            for (File f : files) {
                writeString(out, f.path());
                writeString(out, f.hash());
                out.writeLong(f.size());
                out.writeByte((f.executable() ? EXECUTABLE : 0) | (f.symlinkTarget() != null ? SYMLINK : 0));
                if (f.symlinkTarget() != null) {
                    writeString(out, f.symlinkTarget());
                }
            }
            out.writeInt(scripts.size());
            for (Script s : scripts) {
                writeString(out, s.group());
                writeString(out, s.name());
                writeString(out, s.value());
            }
            out.writeInt(pythonScripts.size());
            for (Map.Entry<String, byte[]> e : pythonScripts.entrySet()) {
                writeString(out, e.getKey());
                writeBytes(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a manifest; null if it is of another format (or not a manifest).
     *
     * @throws IllegalArgumentException if it is truncated or damaged
     */
    static Manifest fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (bytes.length < 8 || in.getInt() != MAGIC) {
                return null;
            }
            int format = in.getInt();
            if (format != FORMAT) {
                return null;
            }
            String wheel = readString(in);
            String sha256 = readString(in);
            String displayName = readString(in);
            String distInfo = readString(in);
            String dataFolder = readString(in);
            String wheelVersion = readString(in);
            String generator = readString(in);
            boolean rootIsPurelib = in.get() != 0;
            List<String> tags = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                tags.add(readString(in));
            }
            byte[] metadata = readBytes(in);
            int fileCount = count(in);
            List<File> files = new ArrayList<>(fileCount);
            for (int i = 0; i < fileCount; i++) {
                String path = readString(in);
                String hash = readString(in);
                long size = in.getLong();
                int flags = in.get();
                String target = (flags & SYMLINK) != 0 ? readString(in) : null;
                files.add(new File(path, hash, size, (flags & EXECUTABLE) != 0, target));
            }
            List<Script> scripts = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                scripts.add(new Script(readString(in), readString(in), readString(in)));
            }
            Map<String, byte[]> pythonScripts = new LinkedHashMap<>();
            for (int i = count(in); i > 0; i--) {
                pythonScripts.put(readString(in), readBytes(in));
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes after the manifest");
            }
            return new Manifest(format, wheel, sha256, displayName, distInfo, dataFolder, wheelVersion, generator,
                    rootIsPurelib, tags, metadata, files, scripts, pythonScripts);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated manifest", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        String s = new String(in.array(), in.position(), checked(in, length), StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        byte[] b = new byte[checked(in, length)];
        in.get(b);
        return b;
    }

    private static int count(ByteBuffer in) {
        return checked(in, in.getInt());
    }

    /** A length or count that fits in what is left (every element takes at least a byte). */
    private static int checked(ByteBuffer in, int n) {
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("damaged manifest: length " + n + " at byte " + in.position());
        }
        return n;
    }
}
