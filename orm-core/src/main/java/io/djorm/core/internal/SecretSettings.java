package io.djorm.core.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Knows which settings hold secrets (tokens, passwords), at the top level or under {@code OPTIONS},
 * and renders settings maps with those values hidden.
 */
public final class SecretSettings {
    private static final String HIDDEN = "<hidden>";

    private SecretSettings() {
    }

    /** Whether a key names a secret: AUTH_TOKEN, authToken, PASSWORD, *_SECRET, ... in any case. */
    public static boolean isSecret(String key) {
        String k = key.toUpperCase(Locale.ROOT).replace("_", "");
        return k.contains("TOKEN") || k.contains("PASSWORD") || k.contains("SECRET");
    }

    /** A copy of the map for display: secret values hidden, nested maps (OPTIONS) too. */
    public static Map<String, Object> masked(Map<String, ?> values) {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && isSecret(k)) shown.put(k, HIDDEN);
            else if (v instanceof Map<?, ?> m) shown.put(k, masked(stringKeys(m)));
            else shown.put(k, v);
        });
        return shown;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A settings map (as {@code DatabaseUrl.parse} returns) whose {@code toString()} hides secrets. */
    public static final class MaskedMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        /** A copy of the given settings. */
        public MaskedMap(Map<String, ?> values) {
            super(values);
        }

        @Override
        public String toString() {
            return masked(this).toString();
        }
    }
}
