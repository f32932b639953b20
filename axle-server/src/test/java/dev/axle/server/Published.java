package dev.axle.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Publishes a test's file straight through {@link Publication}, as an upload would after inspecting it. */
public final class Published {
    private Published() {}

    public static Publication.Outcome publish(ServerRoot root, String index, Path file, String name, String version,
            String metadata) throws IOException {
        return publish(root, index, file, name, version, metadata, file.getFileName().toString().endsWith(".whl"));
    }

    /** Publishes, serving the metadata file beside it or not. */
    public static Publication.Outcome publish(ServerRoot root, String index, Path file, String name, String version,
            String metadata, boolean serveMetadata) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path temp = root.blobs().temporaryFile(".test");
        Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
        boolean wheel = file.getFileName().toString().endsWith(".whl");
        Incoming incoming = new Incoming(index, file.getFileName().toString(), wheel ? "bdist_wheel" : "sdist", name,
                version, metadata.getBytes(StandardCharsets.UTF_8), serveMetadata, hex("SHA-256", bytes), hex("MD5", bytes),
                bytes.length);
        return new Publication(root.store(), root.blobs()).publish(incoming, temp);
    }

    public static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
