package dev.axle.server.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads an object through ranged GETs: the first read opens a GET from the position to the
 * end, which later reads continue; moving the position drops it, and the next read opens
 * another. Each GET asks for the ETag the object had when opened, so a replaced object fails
 * the read instead of mixing two objects' bytes.
 */
final class S3ObjectChannel implements SeekableByteChannel {
    private static final int BUFFER = 64 * 1024;

    private final S3Connection s3;
    private final String objectKey;
    private final long size;
    private final String etag;
    private long position;
    private ResponseInputStream<GetObjectResponse> body;
    /** For reads into direct buffers. */
    private byte[] buffer;
    private boolean open = true;

    S3ObjectChannel(S3Connection s3, String objectKey, long size, String etag) {
        this.s3 = s3;
        this.objectKey = objectKey;
        this.size = size;
        this.etag = etag;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        checkOpen();
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (position >= size) {
            drop();
            return -1;
        }
        if (body == null) {
            body = get(position);
        }
        int n;
        try {
            if (dst.hasArray()) {
                n = body.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            } else {
                if (buffer == null) {
                    buffer = new byte[BUFFER];
                }
                n = body.read(buffer, 0, Math.min(buffer.length, dst.remaining()));
                if (n > 0) {
                    dst.put(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            drop();
            throw new IOException("cannot read s3://" + s3.bucket() + "/" + objectKey + " at byte " + position + ": "
                    + e.getMessage(), e);
        } catch (SdkException e) {
            drop();
            throw s3.failure("read", objectKey, e);
        }
        if (n < 0) {
            drop();
            throw new IOException("s3://" + s3.bucket() + "/" + objectKey + " ended at byte " + position + " of "
                    + size);
        }
        position += n;
        return n;
    }

    private ResponseInputStream<GetObjectResponse> get(long from) throws IOException {
        try {
            return s3.client.getObject(b -> b.bucket(s3.bucket()).key(objectKey).range("bytes=" + from + "-")
                    .ifMatch(etag));
        } catch (SdkException e) {
            throw s3.failure("read (from byte " + from + ")", objectKey, e);
        }
    }

    /** Closes the GET in progress, dropping its connection unless all of it was read. */
    private void drop() {
        ResponseInputStream<GetObjectResponse> current = body;
        body = null;
        if (current == null) {
            return;
        }
        if (position < size) {
            current.abort(); // else closing would read the rest of the object
        }
        try {
            current.close();
        } catch (IOException | SdkException e) {
            // the bytes wanted were read
        }
    }

    @Override
    public long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        if (newPosition != position) {
            drop();
            position = newPosition;
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        drop();
    }

    private void checkOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
