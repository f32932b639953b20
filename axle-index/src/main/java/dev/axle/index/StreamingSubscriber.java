package dev.axle.index;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Passes a response body to a {@link ResponseBody} as it arrives, and lets the requesting thread
 * wait for its end with a read timeout: the JDK's request timeout covers only the wait for the
 * headers, while a body can stall at any point.
 */
final class StreamingSubscriber implements HttpResponse.BodySubscriber<Void> {
    /** A failure of the {@link ResponseBody} (a disk full, say), which retrying would not cure. */
    static final class BodyFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BodyFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private final ResponseBody body;
    private final ResponseBody.Head head;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile long lastData = System.nanoTime();

    StreamingSubscriber(ResponseBody body, ResponseBody.Head head) {
        this.body = body;
        this.head = head;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        try {
            body.start(head);
        } catch (IOException e) {
            fail(e);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lastData = System.nanoTime();
        try {
            for (ByteBuffer b : buffers) {
                body.accept(b);
            }
        } catch (IOException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    private void fail(IOException e) {
        subscription.cancel();
        done.completeExceptionally(new BodyFailure(e));
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    ResponseBody.Head head() {
        return head;
    }

    /** Complete at once, so that the response is handed over when its headers arrive; see {@link #await}. */
    @Override
    public CompletionStage<Void> getBody() {
        return CompletableFuture.completedStage(null);
    }

    /**
     * Waits until the body has been read.
     *
     * @throws HttpTimeoutException if no data came for {@code readTimeout}
     * @throws BodyFailure          if the {@link ResponseBody} failed
     * @throws IOException          if the connection failed
     */
    void await(Duration readTimeout) throws IOException, InterruptedException, BodyFailure {
        long timeout = readTimeout.toNanos();
        while (true) {
            long idle = System.nanoTime() - lastData;
            if (idle >= timeout) {
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                throw new HttpTimeoutException("no data received for " + readTimeout.toMillis() + " ms");
            }
            try {
                done.get(timeout - idle, TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException e) {
                // Data may have come meanwhile; the loop measures again.
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case BodyFailure f -> throw f;
                    case IOException io -> throw io;
                    default -> throw new IOException(e.getCause());
                }
            }
        }
    }
}
