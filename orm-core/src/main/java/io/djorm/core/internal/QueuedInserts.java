package io.djorm.core.internal;

import io.djorm.core.Djorm;
import io.djorm.core.Model;

/**
 * Inside a remote atomic block the transport may hold an INSERT back ({@code Connection.enqueue})
 * until something needs its result. Relations need the new primary key at once, so they flush first.
 */
public final class QueuedInserts {
    private QueuedInserts() {
    }

    /** The primary key of an instance, flushing its queued INSERT when it was saved but has none yet. */
    public static Object pk(Model m) {
        Object pk = m.pk();
        if (pk == null && !m.isAdding() && m.db() != null) {
            flush(m.db());
            pk = m.pk();
        }
        return pk;
    }

    /** Sends the statements the alias's current connection holds back. */
    public static void flush(String alias) {
        Djorm.handle(alias).call(conn -> {
            conn.flush();
            return null;
        });
    }
}
