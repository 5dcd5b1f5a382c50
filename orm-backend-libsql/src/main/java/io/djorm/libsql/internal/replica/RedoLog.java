package io.djorm.libsql.internal.replica;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The redo file that makes a pull all or nothing. A pull is first written here in full and fsync'd;
 * only then is the database file touched. A redo file that ends in a valid commit record is a complete
 * pull and is re-applied after a crash; any other redo file is a pull that never started to apply and
 * is discarded.
 *
 * <pre>
 * "DJRREDO1"                                  magic
 * int length, bytes                           the new revision, UTF-8
 * long                                        the new database size, in pages
 * ('P', long pageId, 4096 bytes)*             the pages
 * 'C', long pageCount, int crc32c, "COMMITTD" commit record; the CRC covers every byte before it
 * </pre>
 */
final class RedoLog {
    private static final byte[] MAGIC = "DJRREDO1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMIT_MARKER = "COMMITTD".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE_RECORD = 'P';
    private static final int COMMIT_RECORD = 'C';
    private static final int MAX_REVISION_BYTES = 4096;

    private RedoLog() {
    }

    /** Starts a new redo file, replacing any discarded one. */
    static Writer create(Path path, long currentPages, FaultInjector faults) throws IOException {
        return new Writer(path, currentPages, faults);
    }

    /** The committed pull in a redo file, or empty when the file is absent or incomplete. */
    static Optional<Committed> readCommitted(Path path) throws IOException {
        if (!Files.exists(path)) return Optional.empty();
        CRC32C crc = new CRC32C();
        try (DataInputStream in = open(path, crc)) {
            PullHeader header = readHeader(in);
            if (header == null) return Optional.empty();
            long pages = 0;
            while (true) {
                int record = in.read();
                if (record == PAGE_RECORD) {
                    in.skipNBytes(Long.BYTES + ReplicaFormat.PAGE_SIZE);
                    pages++;
                } else if (record == COMMIT_RECORD) {
                    return readCommitRecord(path, in, crc, header, pages);
                } else {
                    return Optional.empty();
                }
            }
        } catch (EOFException truncated) {
            return Optional.empty();
        }
    }

    private static Optional<Committed> readCommitRecord(Path path, DataInputStream in, CRC32C crc,
                                                        PullHeader header, long pages) throws IOException {
        long declaredPages = in.readLong();
        long computed = crc.getValue();
        int storedCrc = in.readInt();
        byte[] marker = in.readNBytes(COMMIT_MARKER.length);
        boolean complete = declaredPages == pages && (int) computed == storedCrc
                && Arrays.equals(marker, COMMIT_MARKER) && in.read() < 0;
        return complete ? Optional.of(new Committed(path, header, pages)) : Optional.empty();
    }

    private static DataInputStream open(Path path, CRC32C crc) throws IOException {
        InputStream file = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        return new DataInputStream(new CheckedInputStream(file, crc));
    }

    private static PullHeader readHeader(DataInputStream in) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) return null;
        int length = in.readInt();
        if (length < 0 || length > MAX_REVISION_BYTES) return null;
        String revision = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        long dbSize = in.readLong();
        return new PullHeader(revision, dbSize);
    }

    /** A complete, verified pull waiting in a redo file. */
    static final class Committed {
        private final Path path;
        private final PullHeader header;
        private final long pageCount;

        private Committed(Path path, PullHeader header, long pageCount) {
            this.path = path;
            this.header = header;
            this.pageCount = pageCount;
        }

        PullHeader header() {
            return header;
        }

        long pageCount() {
            return pageCount;
        }

        /** Streams the pages to a consumer, in the order they were pulled. */
        void forEachPage(PageConsumer consumer) throws IOException {
            try (DataInputStream in = open(path, new CRC32C())) {
                readHeader(in);
                for (long i = 0; i < pageCount; i++) {
                    if (in.read() != PAGE_RECORD) throw new IOException("redo file " + path + " changed while applying it");
                    long pageId = in.readLong();
                    consumer.accept(new PulledPage(pageId, in.readNBytes(ReplicaFormat.PAGE_SIZE)));
                }
            }
        }
    }

    /** Receives one page of a committed pull. */
    @FunctionalInterface
    interface PageConsumer {
        void accept(PulledPage page) throws IOException;
    }

    /**
     * Writes a pull into the redo file as it streams in. It also tracks which pages arrived, so an
     * incomplete page set (a primary that cannot serve this replica's gap) is caught before anything is
     * applied.
     */
    static final class Writer implements PageReceiver, AutoCloseable {
        private final Path path;
        private final long currentPages;
        private final FaultInjector faults;
        private final FileChannel channel;
        private final CRC32C crc = new CRC32C();
        private final DataOutputStream out;
        private final BitSet newPagesSeen = new BitSet();
        private PullHeader header;
        private long pageCount;

        private Writer(Path path, long currentPages, FaultInjector faults) throws IOException {
            this.path = path;
            this.currentPages = currentPages;
            this.faults = faults;
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            this.out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024), crc));
        }

        @Override
        public void header(PullHeader pulled) throws IOException {
            this.header = pulled;
            byte[] revision = pulled.serverRevision().getBytes(StandardCharsets.UTF_8);
            if (revision.length > MAX_REVISION_BYTES) {
                throw new IOException("the primary's revision is " + revision.length + " bytes long; at most "
                        + MAX_REVISION_BYTES + " are supported");
            }
            out.write(MAGIC);
            out.writeInt(revision.length);
            out.write(revision);
            out.writeLong(pulled.dbSizePages());
        }

        @Override
        public void page(PulledPage page) throws IOException {
            out.writeByte(PAGE_RECORD);
            out.writeLong(page.pageId());
            out.write(page.bytes());
            pageCount++;
            if (page.pageId() >= currentPages && page.pageId() - currentPages < Integer.MAX_VALUE) {
                newPagesSeen.set((int) (page.pageId() - currentPages));
            }
        }

        /** The header of the pull, once it has arrived. */
        PullHeader header() {
            return header;
        }

        long pageCount() {
            return pageCount;
        }

        /**
         * The first page the pull should have carried but did not: every page beyond the file's current
         * end must arrive, since the replica has no older version of it. Empty when the set is complete.
         */
        Optional<Long> firstMissingPage() {
            long missingFrom = currentPages + newPagesSeen.nextClearBit(0);
            return missingFrom < header.dbSizePages() ? Optional.of(missingFrom) : Optional.empty();
        }

        /** Seals the pull with its commit record and makes the file durable. */
        void commit() throws IOException {
            out.flush();
            faults.reached(ApplyStep.REDO_PAGES_WRITTEN);
            out.writeByte(COMMIT_RECORD);
            out.writeLong(pageCount);
            out.flush();
            int checksum = (int) crc.getValue();
            out.writeInt(checksum);
            out.write(COMMIT_MARKER);
            out.flush();
            faults.reached(ApplyStep.REDO_COMMIT_WRITTEN);
            channel.force(true);
            Durable.syncDirectory(Durable.directory(path));
            faults.reached(ApplyStep.REDO_SYNCED);
        }

        /** Closes the file and removes it: the pull will not be applied. */
        void discard() {
            close();
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // An uncommitted redo file is ignored and replaced by the next pull anyway.
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                // closing after a failure; the file is either committed already or discarded
            }
        }
    }
}
