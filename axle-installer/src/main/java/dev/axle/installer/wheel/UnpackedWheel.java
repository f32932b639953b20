package dev.axle.installer.wheel;

import dev.axle.pep.ProjectName;
import dev.axle.pep.RawMetadata;
import dev.axle.pep.Version;
import dev.axle.pep.WheelFilename;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A wheel unpacked into a folder, every file verified against its RECORD: what planning an
 * install needs, without opening the wheel again.
 *
 * <p>The byte arrays are shared, not copied: treat them as read-only. Equality of the
 * arrays is by reference (this is a value for passing around, not for comparing).
 *
 * @param root the unpacked tree: the wheel's paths resolve against it
 * @param filename the wheel's filename
 * @param sha256 the sha256 of the wheel file, lower-case hex
 * @param name the project name
 * @param displayName the name as METADATA writes it
 * @param version the version (METADATA and filename agree on it)
 * @param distInfo the {@code .dist-info} folder's name as the wheel spells it
 * @param dataFolder the {@code .data} folder's name as the wheel spells it, if it has one
 * @param wheelInfo the WHEEL file
 * @param files every file of the wheel except RECORD (and the RECORD signatures), in
 *     archive order
 * @param scripts the console_scripts and gui_scripts entry points
 * @param metadata the METADATA file's bytes
 * @param pythonScripts the scripts of {@code .data/scripts/} whose first line starts with
 *     {@code #!python}, by path: the bytes after that first line (an installer replaces the
 *     line with the interpreter's shebang)
 */
public record UnpackedWheel(
        Path root,
        WheelFilename filename,
        String sha256,
        ProjectName name,
        String displayName,
        Version version,
        String distInfo,
        Optional<String> dataFolder,
        WheelInfo wheelInfo,
        List<WheelEntry> files,
        List<EntryPoint> scripts,
        byte[] metadata,
        Map<String, byte[]> pythonScripts) {

    public UnpackedWheel {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(distInfo, "distInfo");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(wheelInfo, "wheelInfo");
        Objects.requireNonNull(metadata, "metadata");
        files = List.copyOf(files);
        scripts = List.copyOf(scripts);
        pythonScripts = Map.copyOf(pythonScripts);
    }

    /** Whether the wheel's root goes to purelib (else platlib), from WHEEL's Root-Is-Purelib. */
    public boolean rootIsPurelib() {
        return wheelInfo.rootIsPurelib();
    }

    /** The WHEEL file's Tag lines. */
    public List<String> tags() {
        return wheelInfo.tags();
    }

    /** METADATA, read (not validated beyond Name and Version). */
    public RawMetadata rawMetadata() {
        return RawMetadata.parseEmail(metadata);
    }

    /** Where a file of the wheel is in the unpacked tree. */
    public Path path(String wheelPath) {
        return root.resolve(wheelPath);
    }

    /** The entry points of one group ({@link EntryPoints#CONSOLE_SCRIPTS} or {@link EntryPoints#GUI_SCRIPTS}). */
    public List<EntryPoint> scripts(String group) {
        return scripts.stream().filter(e -> e.group().equals(group)).toList();
    }
}
