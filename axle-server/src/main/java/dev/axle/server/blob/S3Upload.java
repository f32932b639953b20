package dev.axle.server.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one object: a single PUT up to the part size, else a multipart upload that is aborted
 * when anything fails. Either way S3 shows the object only once all of it is there.
 */
final class S3Upload {
    /** S3's limit on the parts of one upload. */
    private static final int MAX_PARTS = 10_000;

    private final S3Connection s3;
    private final String objectKey;
    private final String contentType;

    S3Upload(S3Connection s3, String objectKey) {
        this.s3 = s3;
        this.objectKey = objectKey;
        // What presigned downloads are served with.
        this.contentType = objectKey.endsWith(".metadata") ? "text/plain; charset=utf-8" : "application/octet-stream";
    }

    /** Uploads a file's bytes and returns how many. */
    long file(Path file) throws IOException {
        long size = Files.size(file);
        long partSize = Math.max(s3.settings.partSize(), Math.ceilDiv(size, MAX_PARTS));
        if (size <= partSize) {
            put(RequestBody.fromFile(file));
            return size;
        }
        return multipart(new Parts() {
            long offset;

            @Override
            public RequestBody next() {
                if (offset >= size) {
                    return null;
                }
                long start = offset;
                long length = Math.min(partSize, size - start);
                offset += length;
                // Read straight from the file, again on each retry: no copy of the part in memory.
                return RequestBody.fromContentProvider(() -> slice(file, start, length), length, contentType);
            }
        });
    }

    /** Uploads what {@code content} holds (in memory one part at a time) and returns how many bytes. */
    long stream(InputStream content) throws IOException {
        int partSize = (int) s3.settings.partSize();
        byte[] first = content.readNBytes(partSize);
        byte[] second = first.length < partSize ? new byte[0] : content.readNBytes(partSize);
        if (second.length == 0) {
            put(RequestBody.fromBytes(first));
            return first.length;
        }
        Deque<byte[]> read = new ArrayDeque<>(List.of(first, second));
        return multipart(() -> {
            byte[] part = read.isEmpty() ? content.readNBytes(partSize) : read.poll();
            return part.length == 0 ? null : RequestBody.fromBytes(part);
        });
    }

    /** The bodies of an upload's parts, in order. */
    private interface Parts {
        /** The next part, or null after the last. */
        RequestBody next() throws IOException;
    }

    private void put(RequestBody body) throws IOException {
        try {
            s3.client.putObject(b -> b.bucket(s3.bucket()).key(objectKey).contentType(contentType), body);
        } catch (SdkException e) {
            throw s3.failure("upload", objectKey, e);
        }
    }

    private long multipart(Parts parts) throws IOException {
        String uploadId;
        try {
            uploadId = s3.client.createMultipartUpload(b -> b.bucket(s3.bucket()).key(objectKey)
                    .contentType(contentType)).uploadId();
        } catch (SdkException e) {
            throw s3.failure("start a multipart upload of", objectKey, e);
        }
        try {
            List<CompletedPart> completed = new ArrayList<>();
            long total = 0;
            for (RequestBody body = parts.next(); body != null; body = parts.next()) {
                int number = completed.size() + 1;
                if (number > MAX_PARTS) {
                    throw new IOException("cannot upload " + objectKey + " in more than " + MAX_PARTS
                            + " parts: raise the part size");
                }
                long length = body.optionalContentLength().orElseThrow();
                String etag;
                try {
                    etag = s3.client.uploadPart(b -> b.bucket(s3.bucket()).key(objectKey).uploadId(uploadId)
                            .partNumber(number).contentLength(length), body).eTag();
                } catch (SdkException e) {
                    throw s3.failure("upload part " + number + " of", objectKey, e);
                }
                completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += length;
            }
            try {
                s3.client.completeMultipartUpload(b -> b.bucket(s3.bucket()).key(objectKey).uploadId(uploadId)
                        .multipartUpload(u -> u.parts(completed)));
            } catch (SdkException e) {
                throw s3.failure("complete the multipart upload of", objectKey, e);
            }
            return total;
        } catch (IOException | RuntimeException | Error e) {
            abort(uploadId, e);
            throw e;
        }
    }

    /** Aborts an upload that failed, so its parts are not kept (and billed); a sweep aborts it otherwise. */
    private void abort(String uploadId, Throwable failure) {
        try {
            s3.client.abortMultipartUpload(b -> b.bucket(s3.bucket()).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(s3.failure("abort the multipart upload " + uploadId + " of", objectKey, e));
        }
    }

    /** {@code length} bytes of {@code file} from {@code start}. */
    private static InputStream slice(Path file, long start, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(start);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    left -= b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int n) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int read = super.read(buffer, offset, (int) Math.min(n, left));
                    left -= Math.max(read, 0);
                    return read;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(Math.min(n, left));
                    left -= skipped;
                    return skipped;
                }

                @Override
                public int available() throws IOException {
                    return (int) Math.min(super.available(), left);
                }

                @Override
                public boolean markSupported() {
                    return false;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from byte " + start, e);
        }
    }
}
