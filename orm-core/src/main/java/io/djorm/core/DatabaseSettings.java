package io.djorm.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one database alias, in Django's shape: {@code ENGINE}, {@code NAME}, {@code OPTIONS}
 * and any engine-specific keys ({@code SYNC_URL}, {@code AUTH_TOKEN}, ...). Typed getters raise
 * {@link ImproperlyConfigured} naming the alias, the key and the fix. {@link #toString()} never shows a
 * secret.
 */
public final class DatabaseSettings {
    private final String alias;
    private final Map<String, Object> values;

    /** Wraps the raw map of one alias. */
    public DatabaseSettings(String alias, Map<String, ?> values) {
        this.alias = alias;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The alias these settings belong to ({@code "default"}, ...). */
    public String alias() {
        return alias;
    }

    /** The ENGINE name, required. */
    public String engine() {
        return requireString("ENGINE", "set it to \"sqlite\" or \"libsql\"");
    }

    /** The NAME, or the given default when absent. */
    public String name(String defaultName) {
        String name = string("NAME");
        return name == null ? defaultName : name;
    }

    /** The raw settings map. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A top-level key as a string, or null when absent; raises when present but not a string. */
    public String string(String key) {
        Object v = values.get(key);
        if (v == null) return null;
        if (v instanceof String s) return s;
        throw wrongType(key, v, "a string");
    }

    /** A top-level key as a string that must be present. */
    public String requireString(String key, String fix) {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw new ImproperlyConfigured("DATABASES[\"" + alias + "\"] has no " + key + ": " + fix + ".");
        }
        return v;
    }

    /** The OPTIONS map (empty when absent). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> options() {
        Object v = values.get("OPTIONS");
        if (v == null) return Map.of();
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw wrongType("OPTIONS", v, "a map of option names to values");
    }

    /**
     * An option's raw value, or null. Option names are case-insensitive ({@code timeout} and
     * {@code TIMEOUT} are the same), so Django-style lower-case and libSQL-style upper-case both work.
     */
    public Object option(String key) {
        Map<String, Object> options = options();
        Object v = options.get(key);
        if (v != null) return v;
        for (var e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return null;
    }

    /** An option as a number, or the default; raises when present but not a number. */
    public long longOption(String key, long defaultValue) {
        Object v = option(key);
        if (v == null) return defaultValue;
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw wrongType("OPTIONS." + key, v, "a whole number");
    }

    /** An option as a duration in seconds (a number, possibly fractional), or the default. */
    public java.time.Duration secondsOption(String key, java.time.Duration defaultValue) {
        Object v = option(key);
        String shownKey = "OPTIONS." + key;
        if (v == null) {
            v = values.get(key);
            shownKey = key;
        }
        if (v == null) return defaultValue;
        if (v instanceof java.time.Duration d) return d;
        double seconds;
        if (v instanceof Number n) {
            seconds = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                seconds = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(shownKey, v, "a number of seconds");
            }
        } else {
            throw wrongType(shownKey, v, "a number of seconds");
        }
        if (seconds < 0 || Double.isNaN(seconds)) throw wrongType(shownKey, v, "a number of seconds, 0 or more");
        return java.time.Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }

    /** An option as a boolean, or the default. */
    public boolean booleanOption(String key, boolean defaultValue) {
        Object v = option(key);
        if (v == null) return defaultValue;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType("OPTIONS." + key, v, "true or false");
    }

    /**
     * Raises {@link ImproperlyConfigured} when {@code OPTIONS} holds a key the engine does not know
     * (a misspelling such as {@code timeoutt} would otherwise be ignored silently). Keys compare
     * case-insensitively, as {@link #option(String)} reads them.
     */
    public void requireKnownOptions(java.util.Collection<String> known) {
        for (String key : options().keySet()) {
            boolean found = false;
            for (String k : known) found |= k.equalsIgnoreCase(key);
            if (!found) {
                java.util.List<String> sorted = new java.util.ArrayList<>(known);
                sorted.sort(String.CASE_INSENSITIVE_ORDER);
                throw new ImproperlyConfigured("DATABASES[\"" + alias + "\"].OPTIONS has the unknown key '" + key
                        + "'. Valid keys for this database: " + String.join(", ", sorted) + ".");
            }
        }
    }

    private ImproperlyConfigured wrongType(String key, Object v, String expected) {
        String shown = io.djorm.core.internal.SecretSettings.isSecret(key) ? "<hidden>" : String.valueOf(v);
        return new ImproperlyConfigured("DATABASES[\"" + alias + "\"]." + key + " is " + shown + " ("
                + v.getClass().getSimpleName() + "); it must be " + expected + ".");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + alias + " " + io.djorm.core.internal.SecretSettings.masked(values) + "]";
    }
}
