package dev.axle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The wheels the class cache training run installs, each taking the installer down paths the
 * others do not: many small files in nested packages; console and GUI entry points and a
 * {@code #!python} script to rewrite; a platlib wheel with a {@code .data/purelib} file. Their
 * Requires-Dist lines (specifiers, markers, an extra, a name to normalize) give {@code check}
 * work, and are all met once the three are installed.
 */
final class TrainingWheels {
    static final String PURE = "axle-training-pure";
    static final String SCRIPTS = "axle-training-scripts";
    static final String PLATLIB = "axle-training-platlib";

    private TrainingWheels() {}

    /** Writes the three wheels into {@code dir} (created if missing) and answers their paths. */
    static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        return List.of(pure().writeTo(dir), scripts().writeTo(dir), platlib().writeTo(dir));
    }

    /** A few hundred small modules in nested packages, as a typical pure-Python library. */
    private static SyntheticWheel pure() {
        SyntheticWheel wheel = SyntheticWheel.of(PURE, "1.0.2")
                .metadata("Summary: Many small modules")
                .metadata("Requires-Python: >=3.7")
                .file("axle_training_pure/__init__.py", "\"\"\"Class cache training.\"\"\"\n__version__ = '1.0.2'\n")
                .file("axle_training_pure/py.typed", "");
        for (int p = 0; p < 6; p++) {
            String pkg = "axle_training_pure/part" + p;
            wheel.file(pkg + "/__init__.py", "PART = " + p + "\n");
            for (int s = 0; s < 4; s++) {
                String sub = pkg + "/sub" + s;
                wheel.file(sub + "/__init__.py", "")
                        .file(sub + "/table.json", "{\"part\": " + p + ", \"sub\": " + s + "}\n");
                for (int m = 0; m < 10; m++) {
                    wheel.file(sub + "/module" + m + ".py", "def value():\n    return " + (p * 100 + s * 10 + m) + "\n");
                }
            }
        }
        return wheel;
    }

    private static SyntheticWheel scripts() {
        return SyntheticWheel.of(SCRIPTS, "2.0")
                .metadata("Requires-Dist: axle-training-pure>=1.0,<2")
                .metadata("Requires-Dist: Axle_Training.Platlib~=0.5; python_version >= \"3.7\"")
                .metadata("Requires-Dist: colorama>=0.4; sys_platform == \"win32\"")
                .file("axle_training_scripts/__init__.py", "")
                .file("axle_training_scripts/cli.py", "def main():\n    print('axle training')\n")
                .distInfo("entry_points.txt", """
                        [console_scripts]
                        axle-training = axle_training_scripts.cli:main

                        [gui_scripts]
                        axle-training-gui = axle_training_scripts.cli:main
                        """)
                .data("scripts", "axle-training-tool", "#!python\nimport axle_training_scripts.cli\n"
                        + "axle_training_scripts.cli.main()\n")
                .data("data", "share/axle-training/README", "Data files land under the environment's prefix.\n");
    }

    private static SyntheticWheel platlib() {
        return SyntheticWheel.of(PLATLIB, "0.5.1")
                .platlib()
                .metadata("Requires-Dist: axle-training-pure")
                .metadata("Provides-Extra: speed")
                .metadata("Requires-Dist: axle-training-missing; extra == \"speed\"")
                .file("axle_training_platlib/__init__.py", "from ._native import VALUE\n")
                .file("axle_training_platlib/_native.py", "VALUE = 1\n")
                .data("purelib", "axle_training_platlib_pure.py", "PURE = True\n");
    }
}
