package dev.axle.installer.wheel;

import dev.axle.env.Scheme;
import dev.axle.pep.record.RecordEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an unpacked wheel into an {@link InstallPlan} for a scheme: pure, no file system
 * access (paths are only resolved).
 *
 * <p>Where files go (the binary distribution format):
 * <ul>
 *   <li>the wheel's root, with its {@code .dist-info}, to purelib when WHEEL says
 *       {@code Root-Is-Purelib: true}, else to platlib;
 *   <li>{@code .data/<key>/} to the scheme's folder for the key; headers to a subfolder named
 *       after the project as pip names it when installing a wheel file: the name as the wheel
 *       spells it (its .dist-info folder), {@code _} turned back into {@code -}
 *       ({@code Demo_Pkg-1.0.dist-info} gives {@code include/site/python3.12/Demo-Pkg/});
 *   <li>scripts from {@code .data/scripts/} whose first line starts with {@code #!python}
 *       (which includes {@code #!pythonw} and {@code #!python\r\n}) are written with that line
 *       replaced by the interpreter's shebang ({@link Shebang}: the {@code /bin/sh} form when a
 *       kernel could not run the plain one) and LF; other scripts are linked unchanged, and are
 *       executable because unpacking made them so ({@link WheelArchive#extract});
 *   <li>scripts in {@code .data/scripts/} that are a setuptools wrapper for one of the entry
 *       points ({@code NAME}, {@code NAME.exe}, {@code NAME-script.py}, {@code NAME.pya}) are
 *       left out, because the launcher for that entry point takes their place (as pip does);
 *   <li>a launcher for every console_scripts and gui_scripts entry point, in the scripts folder;
 *   <li>in the .dist-info: the wheel's files except RECORD, INSTALLER, REQUESTED and
 *       direct_url.json (an installer's own statements), then INSTALLER, REQUESTED (when
 *       requested) and direct_url.json (when given) written anew; RECORD is written by the
 *       caller, last, from {@link InstallPlan#renderRecord}.
 * </ul>
 *
 * <p>Two files of the wheel bound for the same installed path (the same module in the root
 * and in {@code .data/purelib}, say) refuse the wheel: pip lets the last one win, silently.
 */
public final class Planner {
    private static final Set<String> INSTALLER_FILES = Set.of("RECORD", "INSTALLER", "REQUESTED", "direct_url.json");

    private Planner() {}

    /**
     * The plan for installing {@code wheel} into {@code scheme}.
     *
     * @throws InvalidWheelException if two of the wheel's files would be installed to the same path
     */
    public static InstallPlan plan(UnpackedWheel wheel, Scheme scheme, PlanOptions options) {
        return new Plan(wheel, scheme, options).build();
    }

    /** The state of one planning. */
    private static final class Plan {
        private final UnpackedWheel wheel;
        private final Scheme scheme;
        private final PlanOptions options;
        private final Path libDir;
        private final Path distInfo;
        private final List<FileAction> actions = new ArrayList<>();
        private final List<RecordEntry> record = new ArrayList<>();
        private final Map<Path, String> origins = new HashMap<>();
        private final Set<Path> directories = new TreeSet<>();
        private Path lastFolder;

        Plan(UnpackedWheel wheel, Scheme scheme, PlanOptions options) {
            this.wheel = wheel;
            this.scheme = scheme;
            this.options = options;
            this.libDir = wheel.rootIsPurelib() ? scheme.purelib() : scheme.platlib();
            this.distInfo = libDir.resolve(wheel.distInfo());
        }

        InstallPlan build() {
            Map<String, EntryPoint> launchers = launchers(wheel.scripts(), options.pythonVersion());
            String data = wheel.dataFolder().map(d -> d + "/").orElse(null);
            String distInfoPrefix = wheel.distInfo() + "/";
            for (WheelEntry e : wheel.files()) {
                String path = e.path();
                if (data != null && path.startsWith(data)) {
                    String[] keyAndRest = path.substring(data.length()).split("/", 2);
                    dataFile(e, keyAndRest[0], keyAndRest[1], launchers);
                } else if (path.startsWith(distInfoPrefix)
                        && INSTALLER_FILES.contains(path.substring(distInfoPrefix.length()))) {
                    continue;
                } else {
                    link(e, libDir, libDir.resolve(path));
                }
            }
            for (EntryPoint entry : launchers.values()) {
                write(scheme.scripts(), scheme.scripts().resolve(entry.name()),
                        Launcher.of(entry, options.pythonExecutable()), true, entry.group() + " " + entry.name());
            }
            write(libDir, distInfo.resolve("INSTALLER"), (options.installer() + "\n").getBytes(StandardCharsets.UTF_8),
                    false, "INSTALLER");
            if (options.requested()) {
                write(libDir, distInfo.resolve("REQUESTED"), new byte[0], false, "REQUESTED");
            }
            options.directUrlJson().ifPresent(json ->
                    write(libDir, distInfo.resolve("direct_url.json"), json.clone(), false, "direct_url.json"));
            return new InstallPlan(wheel.name(), wheel.version(), libDir, distInfo, actions, directories,
                    distInfo.resolve("RECORD"), record);
        }

        private void dataFile(WheelEntry e, String key, String rest, Map<String, EntryPoint> launchers) {
            if (!WheelPaths.SCHEME_KEYS.contains(key)) {
                throw new InvalidWheelException(wheel.filename().toString(), e.path(), "is under the unknown "
                        + "install scheme key " + key);
            }
            Path folder = scheme.path(key);
            Path target = (key.equals("headers") ? folder.resolve(headersName(wheel)) : folder).resolve(rest);
            if (key.equals("scripts")) {
                if (isLauncherWrapper(target.getFileName().toString(), launchers)) {
                    return;
                }
                byte[] body = wheel.pythonScripts().get(e.path());
                if (body != null) {
                    ByteArrayOutputStream script = new ByteArrayOutputStream(body.length + 64);
                    script.writeBytes(Shebang.of(options.pythonExecutable()));
                    script.write('\n');
                    script.writeBytes(body);
                    write(folder, target, script.toByteArray(), true, e.path());
                    return;
                }
            }
            link(e, folder, target);
        }

        private void link(WheelEntry e, Path base, Path target) {
            claim(base, target, e.path());
            actions.add(new FileAction.Link(wheel.path(e.path()), target));
            record.add(new RecordEntry(InstallPlan.recordPath(libDir, target), Optional.of(e.hash()),
                    OptionalLong.of(e.size())));
        }

        private void write(Path base, Path target, byte[] content, boolean executable, String origin) {
            claim(base, target, origin);
            actions.add(new FileAction.Write(target, content, executable));
            record.add(RecordEntry.of(InstallPlan.recordPath(libDir, target), content));
        }

        private void claim(Path base, Path target, String origin) {
            String other = origins.putIfAbsent(target, origin);
            if (other != null) {
                throw new InvalidWheelException(wheel.filename().toString(), origin, "would be installed to "
                        + target + ", where " + other + " is installed too; the wheel is malformed");
            }
            Path parent = target.getParent();
            if (parent == null || parent.equals(lastFolder)) {
                return; // files of one folder come one after another: its folders are known
            }
            lastFolder = parent;
            for (Path folder = parent; folder != null && directories.add(folder); folder = folder.getParent()) {
                if (folder.equals(base)) {
                    break;
                }
            }
        }

        /** pip's test for setuptools' own script wrappers of entry points, by file name. */
        private static boolean isLauncherWrapper(String fileName, Map<String, EntryPoint> launchers) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            String name = fileName;
            for (String suffix : List.of(".exe", "-script.py", ".pya")) {
                if (lower.endsWith(suffix)) {
                    name = fileName.substring(0, fileName.length() - suffix.length());
                    break;
                }
            }
            return launchers.containsKey(name);
        }
    }

    /** The headers subfolder: the wheel's escaped name with {@code -} for {@code _}, as pip names it. */
    static String headersName(UnpackedWheel wheel) {
        String stem = wheel.distInfo().substring(0, wheel.distInfo().length() - ".dist-info".length());
        return stem.substring(0, stem.lastIndexOf('-')).replace('_', '-');
    }

    /**
     * The launchers to write, by file name. With the interpreter's version, pip's and
     * setuptools' versioned entry points ({@code pip3.11}, {@code easy_install-3.11}), which
     * name the Python the wheel was built with, are replaced by the names pip gives them for
     * the target interpreter: {@code pip}, {@code pipX}, {@code pipX.Y}; {@code easy_install},
     * {@code easy_install-X.Y}.
     */
    static Map<String, EntryPoint> launchers(List<EntryPoint> scripts, Optional<String> pythonVersion) {
        Map<String, EntryPoint> out = new LinkedHashMap<>();
        for (EntryPoint e : scripts) {
            out.put(e.name(), e);
        }
        if (pythonVersion.isPresent()) {
            String xy = pythonVersion.get();
            String x = xy.contains(".") ? xy.substring(0, xy.indexOf('.')) : xy;
            versioned(out, "pip", "pip\\d+(\\.\\d+)?", List.of("pip", "pip" + x, "pip" + xy));
            versioned(out, "easy_install", "easy_install-\\d+(\\.\\d+)?", List.of("easy_install", "easy_install-" + xy));
        }
        return out;
    }

    private static void versioned(Map<String, EntryPoint> launchers, String name, String versionedPattern,
            List<String> names) {
        EntryPoint entry = launchers.get(name);
        if (entry == null || !entry.group().equals(EntryPoints.CONSOLE_SCRIPTS)) {
            return;
        }
        launchers.keySet().removeIf(n -> n.matches(versionedPattern));
        for (String n : names) {
            launchers.put(n, new EntryPoint(entry.group(), n, entry.module(), entry.attr(), entry.extras()));
        }
    }
}
