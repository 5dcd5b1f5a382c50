package io.djorm.vector.internal;

import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.Statement;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The decoded vectors kept between exact searches on local files, for the whole process: one entry
 * per database, scan statement (the queryset's filters included, so each filtered row set is its own
 * entry) and number of dimensions, each stamped with the {@link DataVersion} it was read at and used
 * only while the database still has that version. Entries are dropped least recently used first to stay
 * within a byte limit, and with their database when its alias closes. Thread-safe.
 */
public final class VectorCache {
    /** The system property that sets the limit at start-up, in bytes ({@code 0} turns the cache off). */
    public static final String LIMIT_PROPERTY = "djorm.vector.cacheBytes";

    private static final Map<Key, DecodedVectors> ENTRIES = new LinkedHashMap<>(16, 0.75f, true);
    private static final Set<Key> BUILDING = new java.util.HashSet<>();
    private static final Map<Database, DataVersion> VERSIONS = new IdentityHashMap<>();
    private static long limitBytes = defaultLimit();
    private static long usedBytes;

    private VectorCache() {
    }

    /** One cached row set: the database, the scan's SQL and parameters, and the vectors' dimensions. */
    private record Key(Database database, String sql, List<Object> params, int dims) {
        static Key of(Database database, Statement scan, int dims) {
            List<Object> params = new ArrayList<>(scan.params().size());
            // byte[] compares by identity; its content is what identifies the row set.
            for (Object p : scan.params()) params.add(p instanceof byte[] b ? ByteBuffer.wrap(b.clone()) : p);
            return new Key(database, scan.sql(), params, dims);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.database == database && k.dims == dims && k.sql.equals(sql) && k.params.equals(params);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(database) * 31 * 31 + sql.hashCode() * 31 + params.hashCode() + dims;
        }
    }

    /**
     * A quarter of the maximum heap unless {@value #LIMIT_PROPERTY} says otherwise: large enough for
     * 100,000 vectors of 384 dimensions (about 160 MB) on a JVM with a 1 GB heap or more, small enough that
     * the rest of the program keeps most of the heap.
     */
    private static long defaultLimit() {
        String configured = System.getProperty(LIMIT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                return Math.max(0, Long.parseLong(configured.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + LIMIT_PROPERTY + "=" + configured + " is not a number of bytes;"
                        + " give for example 268435456 for 256 MB, or 0 to turn the vector cache off.", e);
            }
        }
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** The byte limit. */
    public static synchronized long limit() {
        return limitBytes;
    }

    /** Sets the byte limit, dropping entries until they fit; {@code 0} turns the cache off and empties it. */
    public static synchronized void setLimit(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("The vector cache limit is " + bytes + " bytes; give 0 or more.");
        limitBytes = bytes;
        evictDownTo(bytes);
    }

    /** Drops every entry. */
    public static synchronized void clear() {
        ENTRIES.clear();
        usedBytes = 0;
    }

    /** How many bytes the entries take now (about). */
    public static synchronized long usedBytes() {
        return usedBytes;
    }

    /** How many row sets are kept now. */
    public static synchronized int size() {
        return ENTRIES.size();
    }

    /**
     * The version source of an alias's database, made on first use and closed with the alias; empty when
     * the cache is off or the database's version cannot be known (a server, an in-memory database).
     */
    public static Optional<DataVersion> versionOf(DatabaseHandle handle) {
        Database database = handle.database();
        synchronized (VectorCache.class) {
            if (limitBytes == 0) return Optional.empty();
            DataVersion known = VERSIONS.get(database);
            if (known != null) return Optional.of(known);
        }
        Optional<DataVersion> made = DataVersion.of(database);
        if (made.isEmpty()) return made;
        synchronized (VectorCache.class) {
            DataVersion known = VERSIONS.get(database);
            if (known != null) {
                made.get().close();
                return Optional.of(known);
            }
            VERSIONS.put(database, made.get());
        }
        handle.onClose(() -> forget(database));
        return made;
    }

    private static void forget(Database database) {
        DataVersion version;
        synchronized (VectorCache.class) {
            version = VERSIONS.remove(database);
            for (Iterator<Map.Entry<Key, DecodedVectors>> it = ENTRIES.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, DecodedVectors> e = it.next();
                if (e.getKey().database == database) {
                    usedBytes -= e.getValue().bytes();
                    it.remove();
                }
            }
        }
        if (version != null) version.close();
    }

    /** The rows of {@code scan} as read at {@code version}, if they are kept. */
    public static synchronized Optional<DecodedVectors> find(Database database, Statement scan, int dims, long version) {
        DecodedVectors found = ENTRIES.get(Key.of(database, scan, dims));
        return found != null && found.version() == version ? Optional.of(found) : Optional.empty();
    }

    /**
     * Starts keeping the rows of {@code scan}: a builder to feed while scanning, or empty when the cache is
     * off or another thread is already reading the same rows (this search then only scans, so that two
     * threads never hold two copies). Rows kept at another version are dropped now, before new ones are
     * read. Pair with {@link #finish}.
     */
    public static synchronized Optional<DecodedVectors.Builder> startBuilding(Database database, Statement scan, int dims) {
        if (limitBytes == 0) return Optional.empty();
        Key key = Key.of(database, scan, dims);
        if (!BUILDING.add(key)) return Optional.empty();
        DecodedVectors stale = ENTRIES.remove(key);
        if (stale != null) usedBytes -= stale.bytes();
        return Optional.of(new DecodedVectors.Builder(dims, limitBytes));
    }

    /**
     * Ends a build: keeps the rows when the database had the same version before and after the scan
     * (so they are exactly its content at that version) and they fit; forgets the build otherwise.
     *
     * @param before the version read before the scan
     * @param after the version read after it, or empty when the scan failed
     */
    public static synchronized void finish(Database database, Statement scan, int dims, DecodedVectors.Builder builder,
                                           OptionalLong before, OptionalLong after) {
        Key key = Key.of(database, scan, dims);
        BUILDING.remove(key);
        if (builder.abandoned() || before.isEmpty() || after.isEmpty() || before.getAsLong() != after.getAsLong()) return;
        if (!VERSIONS.containsKey(database)) return; // the alias closed meanwhile
        DecodedVectors built = builder.build(before.getAsLong());
        if (built.bytes() > limitBytes) return;
        evictDownTo(limitBytes - built.bytes());
        DecodedVectors previous = ENTRIES.put(key, built);
        if (previous != null) usedBytes -= previous.bytes();
        usedBytes += built.bytes();
    }

    private static void evictDownTo(long bytes) {
        for (Iterator<DecodedVectors> it = ENTRIES.values().iterator(); usedBytes > bytes && it.hasNext(); ) {
            usedBytes -= it.next().bytes();
            it.remove();
        }
    }
}
