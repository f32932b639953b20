package dev.axle.dist;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes on to another stream and digests them on the way, so that an upload is
 * hashed while it is written to its temporary file rather than read again afterwards.
 */
public final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");
    private long size;

    public DigestingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha256.update((byte) b);
        md5.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha256.update(b, off, len);
        md5.update(b, off, len);
        size += len;
    }

    /** The digests of everything written so far; call once, when done. */
    public Digests digests() {
        HexFormat hex = HexFormat.of();
        return new Digests(hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()), size);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 and MD5.
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
