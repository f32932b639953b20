package dev.axle.installer.wheel;

import dev.axle.pep.InvalidWheelFilenameException;
import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import dev.axle.pep.record.InvalidRecordException;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import dev.axle.pep.record.RecordHash;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * A wheel file (the binary distribution format, PEP 427/491), opened and checked before
 * anything is written: its structure, its metadata against its filename, and its RECORD
 * against its entries. {@link #extract} then unpacks it, checking every byte against RECORD.
 *
 * <p>Refused, with an {@link InvalidWheelException} naming the wheel and the entry:
 * <ul>
 *   <li>entry paths that are absolute, have {@code ..}, {@code .} or empty segments, a
 *       backslash or a drive letter ({@link WheelPaths});
 *   <li>two entries with the same path, and a path that is both a file and a folder. Paths
 *       that differ only in case are accepted, as pip accepts them: they are distinct files on
 *       the case-sensitive file systems of Linux; where the file system folds case, unpacking
 *       stops at the second one with an error that says so;
 *   <li>symbolic links (unix mode S_IFLNK) whose target is absolute, climbs out of the wheel,
 *       is not a regular file of the wheel, or lies in another install folder (a link in
 *       {@code .data/scripts/} to a module in the root would dangle once installed);
 *   <li>anything but exactly one {@code .dist-info} folder, whose name and version must
 *       match the filename; a {@code .data} folder with another name or version; files in
 *       {@code .data} outside {@code <key>/} folders or under an unknown key;
 *   <li>WHEEL missing or of a {@code Wheel-Version} other than 1.x; METADATA missing, or with
 *       a Name or Version that disagrees with the filename (after normalization);
 *   <li>RECORD missing or malformed; a file missing from RECORD (except RECORD and its
 *       signatures RECORD.jws and RECORD.p7s) or listed without hash and size, or with a hash
 *       weaker than sha256 (md5, sha1), or listed twice with different values; and, stricter
 *       than pip and pypa/installer (which ignore them), a RECORD line for a file the wheel
 *       does not contain: RECORD then does not describe the wheel, which is what a truncated
 *       or tampered wheel looks like;
 *   <li>a size or hash that does not match RECORD (sizes from the central directory here,
 *       the content while extracting);
 *   <li>console_scripts or gui_scripts entries that are not {@code module:function} with
 *       dotted Python names, or whose script name is not a plain file name, or a script name
 *       in both groups.
 * </ul>
 *
 * <p>Not thread-safe for concurrent {@link #extract} calls on one instance; open one
 * archive per thread.
 */
public final class WheelArchive implements Closeable {
    private static final long METADATA_LIMIT = 64L << 20;
    private static final long SYMLINK_LIMIT = 4096;

    private final String label;
    private final WheelFilename filename;
    private final ZipArchive zip;
    private final List<ZipMember> files = new ArrayList<>();
    private final Map<String, ZipMember> byPath = new HashMap<>();
    private final Map<String, RecordEntry> recordByPath = new HashMap<>();
    private final Map<String, String> symlinkTargets = new HashMap<>();
    private final Map<String, byte[]> digests = new HashMap<>();
    private String distInfo;
    private String dataFolder;
    private WheelInfo wheelInfo;
    private byte[] metadata;
    private String displayName;
    private List<EntryPoint> scripts = List.of();

    private WheelArchive(String label, WheelFilename filename, ZipArchive zip) {
        this.label = label;
        this.filename = filename;
        this.zip = zip;
    }

    /** Opens and checks a wheel; its file name must be a valid wheel filename. */
    public static WheelArchive open(Path file) throws IOException {
        return open(file, filename(file));
    }

    /**
     * The wheel filename a wheel file is named by.
     *
     * @throws InvalidWheelException if its name is not a valid wheel filename
     */
    public static WheelFilename filename(Path file) {
        String name = file.getFileName().toString();
        try {
            return WheelFilename.parse(name);
        } catch (InvalidWheelFilenameException e) {
            throw new InvalidWheelException(name, null, e.getMessage(), e);
        }
    }

    /** Opens and checks a wheel whose file is not named after it (a download in a temporary file). */
    public static WheelArchive open(Path file, WheelFilename filename) throws IOException {
        String label = filename.toString().equals(file.getFileName().toString())
                ? filename.toString() : file.getFileName() + " (" + filename + ")";
        ZipArchive zip = ZipArchive.open(file, label);
        WheelArchive archive = new WheelArchive(label, filename, zip);
        try {
            archive.check();
            return archive;
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private InvalidWheelException invalid(String entry, String problem) {
        return new InvalidWheelException(label, entry, problem);
    }

    private void check() throws IOException {
        checkEntries();
        findDistInfo();
        findDataFolder();
        readRecord();
        wheelInfo = readWheelInfo();
        readMetadata();
        readEntryPoints();
        checkSymlinks();
    }

    private void checkEntries() {
        Set<String> folders = new HashSet<>();
        for (ZipMember m : zip.members()) {
            String path = m.isDirectory() ? m.name().substring(0, m.name().length() - 1) : m.name();
            String problem = WheelPaths.problem(path);
            if (problem != null) {
                throw invalid(m.name(), problem + "; the wheel is malformed or crafted to write outside "
                        + "the environment, so nothing was installed");
            }
            if (m.isDirectory()) {
                folders.add(path);
            } else if (byPath.putIfAbsent(path, m) != null) {
                throw invalid(path, "appears twice in the archive; a wheel holds each file once, and "
                        + "which copy would be installed is ambiguous");
            } else {
                files.add(m);
            }
        }
        for (String path : byPath.keySet()) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                if (byPath.containsKey(path.substring(0, slash))) {
                    throw invalid(path.substring(0, slash), "is a file, and the wheel also has " + path + " inside it");
                }
            }
            if (folders.contains(path)) {
                throw invalid(path, "is both a file and a folder in the archive");
            }
        }
    }

    private Set<String> topFolders(String suffix) {
        Set<String> out = new TreeSet<>();
        for (ZipMember m : zip.members()) {
            String top = WheelPaths.topFolder(m.name());
            if (top != null && top.endsWith(suffix)) {
                out.add(top);
            }
        }
        return out;
    }

    private void findDistInfo() {
        Set<String> found = topFolders(".dist-info");
        if (found.size() != 1) {
            throw invalid(null, found.isEmpty() ? "has no .dist-info folder; it is not a wheel"
                    : "has " + found.size() + " .dist-info folders " + found + "; a wheel has exactly one");
        }
        distInfo = found.iterator().next();
        checkNameVersion(distInfo, distInfo.substring(0, distInfo.length() - ".dist-info".length()));
    }

    private void findDataFolder() {
        Set<String> found = topFolders(".data");
        if (found.size() > 1) {
            throw invalid(null, "has " + found.size() + " .data folders " + found + "; a wheel has at most one");
        }
        if (found.isEmpty()) {
            return;
        }
        dataFolder = found.iterator().next();
        checkNameVersion(dataFolder, dataFolder.substring(0, dataFolder.length() - ".data".length()));
        for (ZipMember m : files) {
            if (m.name().startsWith(dataFolder + "/")) {
                String[] parts = m.name().split("/", 3);
                if (parts.length < 3) {
                    throw invalid(m.name(), "is directly in " + dataFolder + "; files there belong in one of the "
                            + "folders " + new TreeSet<>(WheelPaths.SCHEME_KEYS));
                }
                if (!WheelPaths.SCHEME_KEYS.contains(parts[1])) {
                    throw invalid(m.name(), "is in " + dataFolder + "/" + parts[1] + ", which is not an install "
                            + "scheme key; the wheel may use only " + new TreeSet<>(WheelPaths.SCHEME_KEYS));
                }
            }
        }
    }

    /** The {@code name-version} stem of the .dist-info and .data folders must be the filename's. */
    private void checkNameVersion(String folder, String stem) {
        int dash = stem.lastIndexOf('-');
        String name = dash < 0 ? stem : stem.substring(0, dash);
        Optional<Version> version = dash < 0 ? Optional.empty() : Version.tryParse(stem.substring(dash + 1));
        if (!ProjectName.canonicalize(name).equals(filename.name())
                || version.isEmpty() || !version.get().equals(filename.version())) {
            throw invalid(folder, "does not match the wheel's name and version (" + filename.name() + " "
                    + filename.version() + "); the file may have been renamed: use the name it was built with");
        }
    }

    private ZipMember distInfoFile(String name, boolean required) {
        ZipMember m = byPath.get(distInfo + "/" + name);
        if (m == null && required) {
            throw invalid(distInfo + "/" + name, "is missing; every wheel has one");
        }
        return m;
    }

    private WheelInfo readWheelInfo() throws IOException {
        ZipMember m = distInfoFile("WHEEL", true);
        byte[] bytes = zip.readAll(m, METADATA_LIMIT);
        verify(m.name(), bytes);
        try {
            return WheelInfo.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw invalid(m.name(), e.getMessage());
        }
    }

    private void readMetadata() throws IOException {
        ZipMember m = distInfoFile("METADATA", true);
        metadata = zip.readAll(m, METADATA_LIMIT);
        verify(m.name(), metadata);
        RawMetadata raw = RawMetadata.parseEmail(metadata);
        Optional<String> name = raw.string(MetadataField.NAME);
        Optional<String> version = raw.string(MetadataField.VERSION);
        if (name.isEmpty() || version.isEmpty()) {
            throw invalid(m.name(), "has no " + (name.isEmpty() ? "Name" : "Version") + " field");
        }
        if (!ProjectName.canonicalize(name.get()).equals(filename.name())) {
            throw invalid(m.name(), "names the project " + name.get() + ", but the filename says "
                    + filename.name() + "; the file may have been renamed: use the name it was built with");
        }
        Optional<Version> parsed = Version.tryParse(version.get());
        if (parsed.isEmpty() || !parsed.get().equals(filename.version())) {
            throw invalid(m.name(), "gives version " + version.get() + ", but the filename says "
                    + filename.version() + "; the file may have been renamed: use the name it was built with");
        }
        displayName = name.get().strip();
    }

    private void readRecord() throws IOException {
        ZipMember m = distInfoFile("RECORD", true);
        Record record;
        try {
            record = Record.parse(zip.readAll(m, METADATA_LIMIT));
        } catch (InvalidRecordException e) {
            throw invalid(m.name(), e.getMessage());
        }
        for (RecordEntry e : record.entries()) {
            RecordEntry first = recordByPath.putIfAbsent(e.path(), e);
            if (first != null && !first.equals(e) && !isUnhashed(e.path())) {
                throw invalid(e.path(), "is listed twice in RECORD, with different hashes or sizes");
            }
        }
        for (ZipMember f : files) {
            if (isUnhashed(f.name())) {
                continue;
            }
            RecordEntry e = recordByPath.get(f.name());
            if (e == null) {
                throw invalid(f.name(), "is not listed in RECORD; the wheel's files must all be listed there "
                        + "with their hashes, so this wheel is incomplete or was modified");
            }
            if (e.hash().isEmpty() || e.size().isEmpty()) {
                throw invalid(f.name(), "has no " + (e.hash().isEmpty() ? "hash" : "size") + " in RECORD; "
                        + "every file but RECORD must have both");
            }
            RecordHash hash = e.hash().get();
            if (!Digests.accepted(hash.algorithm())) {
                throw invalid(f.name(), "has a RECORD hash of algorithm " + hash.algorithm()
                        + "; wheels must use sha256 or stronger");
            }
            byte[] digest = expectedDigest(f.name(), hash);
            digests.put(f.name(), digest);
            if (e.size().getAsLong() != f.size()) {
                throw invalid(f.name(), "is " + f.size() + " bytes, but RECORD says " + e.size().getAsLong()
                        + "; the wheel is corrupt or was modified: download it again");
            }
        }
        for (RecordEntry e : record.entries()) {
            if (!byPath.containsKey(e.path()) && !isUnhashed(e.path())) {
                throw invalid(e.path(), "is listed in RECORD but is not in the wheel; the wheel is incomplete "
                        + "or was modified: download it again");
            }
        }
    }

    /**
     * The digest a RECORD hash stands for. The format says URL-safe base64; a few builders
     * (gmsh's, for one) write hex instead, which pip installs without noticing. A hex digest of
     * exactly the algorithm's length is accepted: it is the same check, only spelt otherwise.
     */
    private byte[] expectedDigest(String path, RecordHash hash) {
        int length = Digests.create(hash.algorithm()).getDigestLength();
        String value = hash.value();
        if (value.length() == 2 * length && value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(value);
        }
        byte[] digest;
        try {
            digest = hash.digest();
        } catch (InvalidRecordException x) {
            throw invalid(path, x.getMessage() + " in RECORD");
        }
        if (digest.length != length) {
            throw invalid(path, "has a RECORD hash " + hash + " of the wrong length for " + hash.algorithm());
        }
        return digest;
    }

    /** The RECORD hash of a file in its standard form (URL-safe base64, no padding). */
    RecordHash hash(String path) {
        RecordHash written = recordByPath.get(path).hash().orElseThrow();
        return RecordHash.parse(written.algorithm() + "=" + Digests.recordForm(digests.get(path)));
    }

    /** RECORD and its signatures: in the wheel without a hash. */
    private boolean isUnhashed(String path) {
        return path.equals(distInfo + "/RECORD") || isSignature(path);
    }

    private boolean isSignature(String path) {
        return path.equals(distInfo + "/RECORD.jws") || path.equals(distInfo + "/RECORD.p7s");
    }

    private void readEntryPoints() throws IOException {
        ZipMember m = distInfoFile("entry_points.txt", false);
        if (m == null) {
            return;
        }
        byte[] bytes = zip.readAll(m, METADATA_LIMIT);
        verify(m.name(), bytes);
        try {
            scripts = EntryPoints.scripts(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid(m.name(), e.getMessage());
        }
        Map<String, String> groups = new HashMap<>();
        for (EntryPoint e : scripts) {
            String name = e.name();
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                    || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
                throw invalid(m.name(), "script name '" + name + "' is not a plain file name");
            }
            String other = groups.put(name, e.group());
            if (other != null && !other.equals(e.group())) {
                throw invalid(m.name(), "script " + name + " is in both console_scripts and gui_scripts");
            }
        }
    }

    private void checkSymlinks() throws IOException {
        for (ZipMember m : files) {
            if (!m.isSymlink()) {
                continue;
            }
            byte[] bytes = zip.readAll(m, SYMLINK_LIMIT);
            verify(m.name(), bytes);
            String target = new String(bytes, StandardCharsets.UTF_8);
            if (target.isEmpty() || target.startsWith("/") || target.indexOf('\\') >= 0 || target.indexOf('\0') >= 0
                    || (target.length() >= 2 && target.charAt(1) == ':')) {
                throw invalid(m.name(), "is a symbolic link to '" + target + "', which is not a relative path "
                        + "inside the wheel; links must stay inside the wheel");
            }
            String resolved = WheelPaths.resolveLink(m.name(), target);
            if (resolved == null) {
                throw invalid(m.name(), "is a symbolic link to '" + target + "', which leaves the wheel; "
                        + "links must stay inside the wheel");
            }
            ZipMember pointee = byPath.get(resolved);
            if (pointee == null || pointee.isSymlink()) {
                throw invalid(m.name(), "is a symbolic link to '" + target + "', which is not a regular file "
                        + "of the wheel; links may only point to files of the wheel");
            }
            if (!area(m.name()).equals(area(resolved))) {
                throw invalid(m.name(), "is a symbolic link to '" + target + "', which is installed to "
                        + "another folder; the link would not point to it once installed");
            }
            symlinkTargets.put(m.name(), target);
        }
    }

    /** The install folder a path goes to: the root, or one {@code .data/<key>}. */
    private String area(String path) {
        if (dataFolder != null && path.startsWith(dataFolder + "/")) {
            String[] parts = path.split("/", 3);
            return parts[0] + "/" + parts[1];
        }
        return "";
    }

    /** Checks bytes read whole (metadata files, link targets) against RECORD. */
    private void verify(String path, byte[] content) {
        RecordHash expected = recordByPath.get(path).hash().orElseThrow();
        byte[] actual = Digests.create(expected.algorithm()).digest(content);
        if (!Arrays.equals(actual, digests.get(path))) {
            throw hashMismatch(path, actual);
        }
    }

    InvalidWheelException hashMismatch(String path, byte[] actual) {
        RecordHash expected = recordByPath.get(path).hash().orElseThrow();
        return invalid(path, "does not match its RECORD hash (" + expected + " expected, " + expected.algorithm()
                + "=" + Digests.recordForm(actual) + " found); the wheel is corrupt or was modified: download it again");
    }

    /** The file name shown in messages. */
    String label() {
        return label;
    }

    public WheelFilename filename() {
        return filename;
    }

    /** The {@code .dist-info} folder's name as the wheel spells it. */
    public String distInfo() {
        return distInfo;
    }

    /** The {@code .data} folder's name as the wheel spells it, if it has one. */
    public Optional<String> dataFolder() {
        return Optional.ofNullable(dataFolder);
    }

    public WheelInfo wheelInfo() {
        return wheelInfo;
    }

    /** The METADATA file's bytes (checked against RECORD when extracted). */
    public byte[] metadata() {
        return metadata.clone();
    }

    /** The project name as METADATA writes it. */
    public String displayName() {
        return displayName;
    }

    /** The console_scripts and gui_scripts entry points. */
    public List<EntryPoint> scripts() {
        return scripts;
    }

    /** The total size of the files {@link #extract} writes. */
    public long unpackedSize() {
        long total = 0;
        for (ZipMember m : files) {
            total += isUnhashed(m.name()) ? 0 : m.size();
        }
        return total;
    }

    /**
     * Unpacks the wheel into {@code tree} (created if missing; must not hold any of the
     * wheel's paths), checking each file's size and hash against RECORD while writing it.
     * Files are created with the default mode, plus execute permission (as far as the umask
     * allows) for entries whose zip mode has an execute bit and for every script in
     * {@code .data/scripts/}. Symbolic links are made as links. RECORD and its signatures are
     * not unpacked: an installer writes its own RECORD.
     *
     * @param sha256 the wheel file's sha256 (hex), recorded in the result
     * @param progress told the number of bytes written so far, now and then
     * @throws InvalidWheelException if a file does not match RECORD; {@code tree} is then
     *     left partly written, for the caller to remove
     */
    public UnpackedWheel extract(Path tree, String sha256, LongConsumer progress) throws IOException {
        List<ZipMember> toExtract = new ArrayList<>(files.size());
        for (ZipMember m : files) {
            if (!isUnhashed(m.name())) {
                toExtract.add(m);
            }
        }
        String scriptsFolder = dataFolder == null ? null : dataFolder + "/scripts/";
        List<WheelEntry> entries = new ArrayList<>(toExtract.size());
        Map<String, byte[]> pythonScripts;
        try (Extraction extraction = new Extraction(this, zip, tree, scriptsFolder, progress)) {
            for (ZipMember m : toExtract) {
                entries.add(extraction.extract(m, hash(m.name()), digests.get(m.name()), symlinkTargets.get(m.name())));
            }
            extraction.finish();
            pythonScripts = extraction.pythonScripts();
        }
        return new UnpackedWheel(tree, filename, sha256, ProjectName.parse(filename.name()), displayName,
                filename.version(), distInfo, dataFolder(), wheelInfo, entries, scripts, metadata, pythonScripts);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
