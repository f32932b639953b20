package dev.axle.installer.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.axle.installer.wheel.EntryPoint;
import dev.axle.installer.wheel.UnpackedWheel;
import dev.axle.installer.wheel.WheelEntry;
import dev.axle.installer.wheel.WheelInfo;
import dev.axle.pep.ProjectName;
import dev.axle.pep.WheelFilename;
import dev.axle.pep.record.RecordHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a cache entry knows about its wheel, as {@code manifest.json} beside the unpacked tree:
 * everything {@link UnpackedWheel} holds, so a warm unpack reads this one file and nothing else.
 * Its presence is what makes an entry complete (it is written last, before the entry is
 * published by renaming its folder).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        String metadata,
        List<File> files,
        List<Script> scripts,
        Map<String, String> pythonScripts) {

    /** Bumped whenever the layout of entries or manifests changes; other formats are rebuilt. */
    static final int FORMAT = 1;

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A file: path, hash, size, executable, symlink target (short names: big wheels have thousands). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record File(String p, String h, long s, boolean x, String l) {}

    record Script(String group, String name, String value) {}

    static Manifest of(UnpackedWheel w) {
        Base64.Encoder b64 = Base64.getEncoder();
        List<File> files = new ArrayList<>(w.files().size());
        for (WheelEntry e : w.files()) {
            files.add(new File(e.path(), e.hash().toString(), e.size(), e.executable(), e.symlinkTarget().orElse(null)));
        }
        List<Script> scripts = new ArrayList<>();
        for (EntryPoint e : w.scripts()) {
            scripts.add(new Script(e.group(), e.name(), e.value()));
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        w.pythonScripts().forEach((path, body) -> bodies.put(path, b64.encodeToString(body)));
        return new Manifest(FORMAT, w.filename().toString(), w.sha256(), w.displayName(), w.distInfo(),
                w.dataFolder().orElse(null), w.wheelInfo().wheelVersion(), w.wheelInfo().generator().orElse(null),
                w.rootIsPurelib(), w.tags(), b64.encodeToString(w.metadata()), files, scripts, bodies);
    }

    /** The wheel this manifest describes, unpacked at {@code tree}, under the caller's filename. */
    UnpackedWheel toUnpackedWheel(Path tree, WheelFilename filename) {
        Base64.Decoder b64 = Base64.getDecoder();
        List<WheelEntry> entries = new ArrayList<>(files.size());
        for (File f : files) {
            entries.add(new WheelEntry(f.p(), RecordHash.parse(f.h()), f.s(), f.x(), Optional.ofNullable(f.l())));
        }
        List<EntryPoint> entryPoints = new ArrayList<>(scripts.size());
        for (Script s : scripts) {
            entryPoints.add(EntryPoint.parse(s.group(), s.name(), s.value()));
        }
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        pythonScripts.forEach((path, body) -> bodies.put(path, b64.decode(body)));
        WheelInfo info = new WheelInfo(wheelVersion, Optional.ofNullable(generator), rootIsPurelib, tags);
        return new UnpackedWheel(tree, filename, sha256, ProjectName.parse(filename.name()), displayName,
                filename.version(), distInfo, Optional.ofNullable(dataFolder), info, entries, entryPoints,
                b64.decode(metadata), bodies);
    }

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    static Manifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, Manifest.class);
    }
}
