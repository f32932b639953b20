package dev.axle.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The exception a call throws, failing the test clearly when it throws none or another. */
final class Thrown {
    private Thrown() {}

    static <T extends Throwable> T by(Class<T> type, ThrowingCallable call) {
        T thrown = catchThrowableOfType(type, call);
        assertThat(thrown).as("expected a %s", type.getSimpleName()).isNotNull();
        return thrown;
    }
}
