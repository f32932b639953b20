package dev.axle.server.store;

/** The database failed: says which operation on which store, with the database's own error as cause. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
