package dev.axle.resolver.requirements;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements files from the local file system. Like pip: a byte order mark picks
 * UTF-8/16/32, else a PEP 263 {@code # -*- coding: x -*-} comment in the first two lines,
 * else UTF-8.
 */
final class LocalFileReader implements RequirementsReader {
    private static final Pattern CODING = Pattern.compile("coding[:=]\\s*([-\\w.]+)");

    @Override
    public String read(Location location) throws IOException {
        if (!(location instanceof Location.LocalFile file)) {
            throw new IOException(location + " is a URL, and this reader reads local files only:"
                    + " download the file first, or give the parser a reader that fetches URLs");
        }
        return decode(Files.readAllBytes(file.path()));
    }

    static String decode(byte[] bytes) throws IOException {
        int[][] boms = {{0xEF, 0xBB, 0xBF}, {0xFF, 0xFE, 0, 0}, {0, 0, 0xFE, 0xFF}, {0xFF, 0xFE}, {0xFE, 0xFF}};
        Charset[] charsets = {StandardCharsets.UTF_8, Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE"),
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE};
        for (int i = 0; i < boms.length; i++) {
            if (startsWith(bytes, boms[i])) {
                return strictly(charsets[i], bytes, boms[i].length);
            }
        }
        return strictly(declared(bytes), bytes, 0);
    }

    private static Charset declared(byte[] bytes) throws IOException {
        String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            Matcher m = CODING.matcher(lines[i]);
            if (lines[i].startsWith("#") && m.find()) {
                return charset(m.group(1));
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Python spells encodings loosely ({@code latin-1}, {@code utf_8}); try the spellings Java knows. */
    private static Charset charset(String name) throws IOException {
        for (String candidate : new String[] {name, name.replace("-", ""), name.replace('_', '-'), name.replace("_", "")}) {
            if (Charset.isSupported(candidate)) {
                return Charset.forName(candidate);
            }
        }
        throw new IOException("its coding comment names an unknown encoding, " + name);
    }

    private static boolean startsWith(byte[] bytes, int[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strictly(Charset charset, byte[] bytes, int skip) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                .toString();
    }
}
