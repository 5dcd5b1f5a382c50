package io.djorm.vector.internal;

import io.djorm.core.Djorm;
import io.djorm.core.internal.DatabaseHandle;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import io.djorm.core.spi.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Exact search on a local file, with the decoded vectors kept between searches ({@link VectorCache}).
 *
 * <p>Kept rows are used only for scans that select the same rows while the database is unchanged
 * ({@link RepeatableScan}), only outside a transaction (inside one, the connection may see its own
 * uncommitted writes, which no other connection sees), and only while the database's {@link DataVersion}
 * is the one they were read at. They are kept only when read outside a transaction and when the version
 * was the same before and after the scan, so they are exactly the committed content at that version.
 * When the version moves while the nearest rows are being loaded (a commit, a replica pull, a
 * connection catching up on its own writes), the ranking may be older than the rows, so the search
 * scans again.
 */
public final class LocalSearch {
    private LocalSearch() {
    }

    /**
     * The rows {@code load} returns for the keys of the {@code k} rows of {@code scan} nearest to the probe.
     *
     * @param scan a SELECT of the primary key and the vector blob (never NULL), the queryset's filters included
     * @param load loads the rows of the given keys, nearest first
     */
    public static <T> List<T> nearest(String alias, Statement scan, ScanProbe probe, int k,
                                      Function<List<Object>, List<T>> load) {
        DatabaseHandle handle = Djorm.handle(alias);
        Optional<DataVersion> versions = Djorm.connection(alias).inAtomicBlock() || !RepeatableScan.isRepeatable(scan)
                ? Optional.empty() : VectorCache.versionOf(handle);
        return handle.call(c -> {
            if (versions.isEmpty() || c.inTransaction()) return load.apply(JavaScan.nearestKeys(c, scan, probe, k));
            DataVersion version = versions.get();
            OptionalLong before = version.current();
            if (before.isEmpty()) return load.apply(JavaScan.nearestKeys(c, scan, probe, k));
            Database database = handle.database();
            Optional<DecodedVectors> kept = VectorCache.find(database, scan, probe.dimensions(), before.getAsLong());
            if (kept.isPresent()) {
                List<T> rows = load.apply(kept.get().nearestKeys(probe, k));
                if (version.current().equals(before)) return rows;
                return load.apply(JavaScan.nearestKeys(c, scan, probe, k));
            }
            return load.apply(scanAndKeep(c, database, version, before, scan, probe, k));
        });
    }

    private static List<Object> scanAndKeep(Connection c, Database database, DataVersion version, OptionalLong before,
                                            Statement scan, ScanProbe probe, int k) {
        Optional<DecodedVectors.Builder> builder = VectorCache.startBuilding(database, scan, probe.dimensions());
        if (builder.isEmpty()) return JavaScan.nearestKeys(c, scan, probe, k);
        OptionalLong after = OptionalLong.empty();
        try {
            List<Object> keys = JavaScan.nearestKeys(c, scan, probe, k, builder.get());
            after = version.current();
            return keys;
        } finally {
            VectorCache.finish(database, scan, probe.dimensions(), builder.get(), before, after);
        }
    }
}
