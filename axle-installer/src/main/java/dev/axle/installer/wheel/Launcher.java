package dev.axle.installer.wheel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The POSIX launcher for a console or GUI script entry point: a Python script that imports
 * the module, calls the function and exits with what it returns (None is success, an int
 * is the exit status, anything else is printed and fails), as pip's and installer's do.
 */
public final class Launcher {
    private Launcher() {}

    /**
     * The launcher's bytes. The entry point's module and attribute are dotted identifiers
     * ({@link EntryPoint#parse} checks), so they can be written into code as they are.
     */
    public static byte[] of(EntryPoint entry, Path python) {
        String attr = entry.attr().orElseThrow(() -> new IllegalArgumentException(
                "entry point " + entry.name() + " names no function"));
        String first = attr.contains(".") ? attr.substring(0, attr.indexOf('.')) : attr;
        // argv[0] loses the suffixes of Windows launchers (name.exe, name-script.py[w]) so
        // that programs that print their own name print the script's name.
        String code = "\n# -*- coding: utf-8 -*-\n"
                + "import sys\n"
                + "from " + entry.module() + " import " + first + "\n"
                + "if __name__ == \"__main__\":\n"
                + "    for suffix in (\"-script.pyw\", \"-script.py\", \".exe\"):\n"
                + "        if sys.argv[0].endswith(suffix):\n"
                + "            sys.argv[0] = sys.argv[0][:-len(suffix)]\n"
                + "            break\n"
                + "    sys.exit(" + attr + "())\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Shebang.of(python));
        out.writeBytes(code.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
