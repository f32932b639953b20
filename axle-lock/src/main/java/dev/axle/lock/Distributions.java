package dev.axle.lock;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The keys archives, sdists and wheels share: size, upload time and hashes. */
final class Distributions {
    private Distributions() {}

    static Optional<Long> size(TableReader t) {
        return t.get("size", TableReader.Kind.INT).map(v -> ((Number) v).longValue());
    }

    static Optional<Temporal> uploadTime(TableReader t) {
        return t.get("upload-time", TableReader.Kind.DATETIME)
                .map(v -> v instanceof ZonedDateTime z ? z.toOffsetDateTime() : (Temporal) v);
    }

    /** {@code hashes}: a required table with at least one entry, every value a string. */
    static Map<String, String> hashes(TableReader t) {
        return t.requiredAs("hashes", TableReader.Kind.MAPPING, v -> {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                throw new PylockValidationException("At least one hash must be provided");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw new PylockValidationException("Hash values must be strings");
                }
                out.put(String.valueOf(e.getKey()), s);
            }
            return out;
        });
    }

    static void checkUploadTime(Optional<Temporal> uploadTime) {
        uploadTime.ifPresent(t -> {
            if (!(t instanceof OffsetDateTime) && !(t instanceof java.time.LocalDateTime)) {
                throw new IllegalArgumentException("upload time must be an OffsetDateTime or LocalDateTime: " + t);
            }
        });
    }
}
