package io.djorm.libsql.internal.replica;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a committed pull into the database file: each page at its offset, then the new length, then fsync. */
final class PageApplier {
    private final FaultInjector faults;

    PageApplier(FaultInjector faults) {
        this.faults = faults;
    }

    /** Applies the pull. Idempotent: applying the same pull twice gives the same file. */
    void apply(Path database, RedoLog.Committed pull) throws IOException {
        try (FileChannel file = FileChannel.open(database, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long[] written = {0};
            pull.forEachPage(page -> {
                writePage(file, page);
                if (++written[0] == 1) faults.reached(ApplyStep.DATABASE_PAGE_WRITTEN);
            });
            long length = ReplicaFormat.offsetOf(pull.header().dbSizePages());
            if (file.size() > length) file.truncate(length);
            faults.reached(ApplyStep.DATABASE_PAGES_WRITTEN);
            file.force(true);
            faults.reached(ApplyStep.DATABASE_SYNCED);
        }
    }

    private static void writePage(FileChannel file, PulledPage page) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(page.bytes());
        long position = ReplicaFormat.offsetOf(page.pageId());
        while (buffer.hasRemaining()) position += file.write(buffer, position);
    }
}
