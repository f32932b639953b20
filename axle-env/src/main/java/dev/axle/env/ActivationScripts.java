package dev.axle.env;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The scripts that activate a virtual environment in a shell ({@code bin/activate} for
 * bash/zsh/ksh/dash, {@code activate.fish}, {@code activate.csh}, {@code Activate.ps1}):
 * templates among the resources, with the environment's folder and prompt written in as
 * each shell's quoted literals.
 */
final class ActivationScripts {
    /** Script name to the quoting of its shell. */
    private static final Map<String, UnaryOperator<String>> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put("activate", ActivationScripts::posixQuote);
        SCRIPTS.put("activate.fish", ActivationScripts::fishQuote);
        SCRIPTS.put("activate.csh", ActivationScripts::cshQuote);
        SCRIPTS.put("Activate.ps1", ActivationScripts::powershellQuote);
    }

    private ActivationScripts() {}

    /** Writes every activation script into {@code bin} for the environment at {@code venv}. */
    static void write(Path bin, Path venv, String prompt) throws IOException {
        for (Map.Entry<String, UnaryOperator<String>> e : SCRIPTS.entrySet()) {
            Files.writeString(bin.resolve(e.getKey()), render(e.getKey(), venv, prompt));
        }
    }

    static String render(String name, Path venv, String prompt) {
        UnaryOperator<String> quote = SCRIPTS.get(name);
        return template(name)
                .replace("__AXLE_LOCATION__", venv.toString())
                .replace("__AXLE_VENV__", quote.apply(venv.toString()))
                .replace("__AXLE_PROMPT__", quote.apply(prompt));
    }

    /** A single-quoted word for sh: a quote inside is closed, escaped and reopened. */
    static String posixQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** fish's single quotes take backslash escapes for a quote and a backslash only. */
    static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** csh's single quotes, with {@code !} escaped too: history substitution happens even inside them. */
    static String cshQuote(String s) {
        return "'" + s.replace("'", "'\\''").replace("!", "\\!") + "'";
    }

    /** PowerShell's single quotes, which double a quote inside. */
    static String powershellQuote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String template(String name) {
        try (InputStream in = ActivationScripts.class.getResourceAsStream("activate/" + name)) {
            if (in == null) {
                throw new IllegalStateException("activation script template " + name + " is missing from axle-env");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
