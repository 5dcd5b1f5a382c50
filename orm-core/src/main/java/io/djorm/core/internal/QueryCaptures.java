package io.djorm.core.internal;

import io.djorm.core.QueryCapture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The active query captures; statements are reported here from {@link InstrumentedConnection}. */
public final class QueryCaptures {
    private static final CopyOnWriteArrayList<QueryCapture> ACTIVE = new CopyOnWriteArrayList<>();

    private QueryCaptures() {
    }

    /** Starts delivering statements to a capture. */
    public static void add(QueryCapture capture) {
        ACTIVE.add(capture);
    }

    /** Stops delivering statements to a capture. */
    public static void remove(QueryCapture capture) {
        ACTIVE.remove(capture);
    }

    /** Whether any capture is listening. */
    static boolean isActive() {
        return !ACTIVE.isEmpty();
    }

    static void record(String alias, String sql, List<Object> params, long micros) {
        if (ACTIVE.isEmpty()) return;
        for (QueryCapture c : ACTIVE) c.accept(alias, sql, params, micros);
    }
}
