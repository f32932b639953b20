package dev.axle.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Literal TOML-shaped values for tests, written like Python dicts (nulls allowed, order kept). */
final class Tables {
    private Tables() {}

    static Map<String, Object> table(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** The smallest valid document: lock-version, created-by and these packages. */
    static Map<String, Object> lock(Object... packages) {
        return table("lock-version", "1.0", "created-by", "pip", "packages", list(packages));
    }

    static Map<String, Object> sha256(String digest) {
        return table("sha256", digest);
    }

    static final String F40 = "f".repeat(40);
}
