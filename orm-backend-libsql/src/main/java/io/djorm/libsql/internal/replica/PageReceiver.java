package io.djorm.libsql.internal.replica;

import java.io.IOException;

/** Consumes a pull-updates response as it streams in, so a large pull never sits in memory whole. */
interface PageReceiver {

    /** Called once, first, with the response header. */
    void header(PullHeader header) throws IOException;

    /** Called for each page, in the order the primary sent them. */
    void page(PulledPage page) throws IOException;
}
