package io.djorm.vector.internal;

import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import java.util.List;

/**
 * Exact nearest-neighbour search with the distances computed in Java: one SQL scan reads each
 * candidate row's primary key and vector blob (the queryset's filters stay in that SQL), and a
 * {@link ScanProbe} scores the blobs in a tight loop, keeping the best {@code k}. On a local file this
 * avoids a SQL function call and the engine's sorter per row; the ranking is the same as
 * {@code ORDER BY vector_distance_cos(...), pk LIMIT k}.
 */
public final class JavaScan {
    private JavaScan() {
    }

    /**
     * The primary keys of the {@code k} rows of {@code scan} nearest to the probe, nearest first.
     *
     * @param scan a SELECT of two columns: the primary key, then the vector blob (never NULL)
     */
    public static List<Object> nearestKeys(Connection connection, Statement scan, ScanProbe probe, int k) {
        return nearestKeys(connection, scan, probe, k, null);
    }

    /**
     * Like {@link #nearestKeys(Connection, Statement, ScanProbe, int)}, also handing every row to
     * {@code keep} (when not null) to be kept for later searches.
     */
    public static List<Object> nearestKeys(Connection connection, Statement scan, ScanProbe probe, int k,
                                           DecodedVectors.Builder keep) {
        NearestRows nearest = new NearestRows(k);
        try (RowCursor rows = connection.query(scan)) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(1);
                double distance = probe.distanceTo(blob);
                if (keep != null) {
                    Object key = rows.getObject(0);
                    keep.add(key, blob);
                    if (nearest.admits(distance)) nearest.offer(distance, key);
                } else if (nearest.admits(distance)) {
                    nearest.offer(distance, rows.getObject(0));
                }
            }
        }
        return nearest.keys();
    }
}
