package io.djorm.libsql.internal.replica;

import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.OperationalError;
import io.djorm.core.SyncResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local file of an embedded replica and the engine that keeps it in step with the primary.
 *
 * <p>A {@link #pull()} downloads the changed pages into a redo file, seals it, and only then writes
 * them into the database file under the write lock; the metadata beside the file records the new
 * revision last. A crash at any point leaves the old state (redo not sealed) or a sealed redo that the
 * next {@link #open} rolls forward.
 *
 * <p>Readers wrap each read in {@link #readLock()}: they never see a half-applied pull. SQLite
 * connections that were open during an apply keep stale pages in their cache, so a reader compares
 * {@link #generation()} with the one its connection was opened at and reopens when they differ (or
 * listens through {@link #addChangeListener}).
 */
public final class ReplicaFile implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFile.class);
    private final Path database;
    private final Path metadataFile;
    private final Path redoFile;
    private final SyncSource source;
    private final PullClient client;
    private final FaultInjector faults;
    private final FileChannel lockChannel;
    private final FileLock processLock;
    private final ReentrantReadWriteLock fileLock = new ReentrantReadWriteLock(true);
    private final ReentrantLock pullLock = new ReentrantLock();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile ReplicaMetadata metadata;
    private volatile long generation;
    /**
     * Whether the file holds pages, kept here because every local read asks: only this object writes
     * the file (the process lock keeps other processes out), so it changes only when a pull is applied.
     */
    private volatile boolean pagesPresent;
    private volatile boolean awaitingRollForward;
    private volatile boolean closed;

    private ReplicaFile(Path database, SyncSource source, OkHttpClient http, FaultInjector faults,
                        FileChannel lockChannel, FileLock processLock) {
        this.database = database;
        this.metadataFile = sibling(database, ".djorm-replica.json");
        this.redoFile = sibling(database, ".djorm-replica.redo");
        this.source = source;
        this.client = new PullClient(source, http);
        this.faults = faults;
        this.lockChannel = lockChannel;
        this.processLock = processLock;
    }

    /**
     * Opens (or starts) the replica file of a primary: checks that the file belongs to that primary,
     * rolls forward a pull that a crash interrupted, and discards one that never sealed. Pulls nothing.
     *
     * @throws ImproperlyConfigured when the file mirrors another primary, or is not a replica at all
     * @throws OperationalError when another process has the file open as a replica, or on I/O errors
     */
    public static ReplicaFile open(Path database, SyncSource source, OkHttpClient http, FaultInjector faults) {
        Path absolute = database.toAbsolutePath();
        Path lockPath = sibling(absolute, ".djorm-replica.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(Durable.directory(absolute));
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, absolute);
            ReplicaFile file = new ReplicaFile(absolute, source, http, faults, channel, lock);
            try {
                file.attach();
                return file;
            } catch (RuntimeException | IOException e) {
                file.close();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new OperationalError("Could not open the replica file " + absolute + ": " + e.getMessage()
                    + ". Check that its directory exists and is writable.", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** {@link #open(Path, SyncSource, OkHttpClient, FaultInjector)} with its own HTTP client and no faults. */
    public static ReplicaFile open(Path database, SyncSource source) {
        return open(database, source, new OkHttpClient(), FaultInjector.NONE);
    }

    private static FileLock tryLock(FileChannel channel, Path database) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            throw new OperationalError("The replica file " + database + " is already open as a replica by another "
                    + "process or database alias. Close that one first, or give this alias its own NAME.");
        }
        return lock;
    }

    private void attach() throws IOException {
        Optional<ReplicaMetadata> existing = ReplicaMetadata.load(metadataFile);
        if (existing.isPresent()) {
            checkSamePrimary(existing.get());
            metadata = existing.get();
        } else {
            if (Files.exists(database) && Files.size(database) > 0) {
                throw new ImproperlyConfigured("The file " + database + " exists but is not an embedded replica (there "
                        + "is no " + metadataFile.getFileName() + " beside it), so it cannot mirror " + source.displayUrl()
                        + ". Choose another NAME for the replica, or delete the file if it is a stale copy.");
            }
            metadata = new ReplicaMetadata(source.displayUrl(), "");
            metadata.save(metadataFile);
        }
        Files.deleteIfExists(sibling(metadataFile, ".tmp"));
        rollForwardOrDiscard();
        if (!Files.exists(database) && !metadata.revision().isEmpty()) {
            LOG.info("Replica file {} is missing; it will be pulled again from {}", database, source.displayUrl());
            metadata = metadata.withRevision("");
            metadata.save(metadataFile);
        }
        pagesPresent = currentPages() > 0;
    }

    private void checkSamePrimary(ReplicaMetadata existing) {
        if (!existing.primaryUrl().equals(source.displayUrl())) {
            throw new ImproperlyConfigured("The replica file " + database + " mirrors the primary "
                    + existing.primaryUrl() + ", but SYNC_URL is now " + source.displayUrl() + ". A replica cannot "
                    + "switch primaries: point SYNC_URL back to " + existing.primaryUrl() + ", or delete " + database
                    + " and " + metadataFile + " to start a fresh replica of " + source.displayUrl() + ".");
        }
    }

    /** Re-applies a sealed redo file left by a crash, or removes an unsealed one. */
    private void rollForwardOrDiscard() throws IOException {
        Optional<RedoLog.Committed> sealed = RedoLog.readCommitted(redoFile);
        if (sealed.isPresent()) {
            LOG.info("Replica file {}: completing an interrupted pull to revision {}", database,
                    sealed.get().header().serverRevision());
            applySealed(sealed.get());
        } else if (Files.exists(redoFile)) {
            LOG.info("Replica file {}: discarding an interrupted pull that never completed its download", database);
            Durable.delete(redoFile);
        }
    }

    /**
     * Pulls the primary's changes into the file, all or nothing. Pulls from several threads run one
     * after the other. Readers keep reading the old state until the pages are downloaded and sealed.
     * When the primary cannot continue from this file's revision (its history restarted after a
     * checkpoint, a restore or a replacement), a complete copy is pulled and applied the same way.
     *
     * @throws OperationalError when the primary is unreachable, times out or answers nonsense, or cannot
     *         serve a complete copy when one is needed (nothing is applied), or when the file cannot be
     *         written
     * @throws io.djorm.core.AuthenticationError when the primary refuses the token
     */
    public SyncResult pull() {
        pullLock.lock();
        try {
            ensureOpen();
            if (awaitingRollForward) rollForwardOrDiscardReporting();
            long started = System.nanoTime();
            long currentPages = currentPages();
            Download download = download(metadata.revision(), currentPages);
            if (!metadata.revision().isEmpty() && (historyRestarted(download.redo.header().serverRevision())
                    || download.redo.firstMissingPage().isPresent())) {
                // The primary cannot continue from our revision (checkpointed, restored or replaced): take a
                // complete copy instead. It is applied like any pull, all or nothing, over the whole file.
                download.redo.discard();
                String ours = metadata.revision();
                String theirs = download.redo.header().serverRevision();
                download = download("", 0);
                LOG.info("Replica file {}: the primary at {} restarted its history (revision {} after {}); pulled a"
                        + " complete copy at revision {}", database, source.displayUrl(), theirs, ours,
                        download.redo.header().serverRevision());
            }
            RedoLog.Writer redo = download.redo;
            PullHeader header = redo.header();
            if (redo.pageCount() == 0 && header.serverRevision().equals(metadata.revision())
                    && header.dbSizePages() == currentPages) {
                redo.discard();
                return result(header.serverRevision(), 0, download.bytes, started);
            }
            try {
                redo.commit();
                redo.close();
            } catch (IOException | RuntimeException e) {
                // The database file is untouched yet: dropping the redo keeps the old state cleanly.
                redo.discard();
                throw e;
            }
            applySealed(RedoLog.readCommitted(redoFile).orElseThrow(
                    () -> new IOException("the redo file " + redoFile + " vanished or changed after it was sealed")));
            return result(header.serverRevision(), redo.pageCount(), download.bytes, started);
        } catch (IOException e) {
            throw localFailure("apply the pulled pages to " + database, e);
        } finally {
            pullLock.unlock();
        }
    }

    /** The pages changed after {@code from}, downloaded into a redo file that is not sealed yet. */
    private Download download(String from, long currentPages) {
        RedoLog.Writer redo = createRedo(currentPages);
        try {
            long bytes = client.pull(from, redo);
            if (from.isEmpty()) checkComplete(redo);
            return new Download(redo, bytes);
        } catch (IOException e) {
            redo.discard();
            throw localFailure("write the redo file " + redoFile, e);
        } catch (RuntimeException e) {
            redo.discard();
            throw e;
        }
    }

    private record Download(RedoLog.Writer redo, long bytes) {
    }

    private RedoLog.Writer createRedo(long currentPages) {
        try {
            return RedoLog.create(redoFile, currentPages, faults);
        } catch (IOException e) {
            throw localFailure("create the redo file " + redoFile, e);
        }
    }

    private void rollForwardOrDiscardReporting() throws IOException {
        fileLock.writeLock().lock();
        try {
            rollForwardOrDiscard();
        } finally {
            fileLock.writeLock().unlock();
        }
        fireChanged();
    }

    /** A pull from scratch must carry every page; a server that cannot give a full copy is named as such. */
    private void checkComplete(RedoLog.Writer redo) {
        PullHeader header = redo.header();
        Optional<Long> missing = redo.firstMissingPage();
        if (missing.isPresent()) {
            throw new OperationalError("The primary at " + source.displayUrl() + " cannot serve a complete copy of its"
                    + " database: at revision " + header.serverRevision() + " it has " + header.dbSizePages() + " pages,"
                    + " but a pull from scratch did not carry page " + missing.get() + ". Such a server sends only the"
                    + " pages written since its last checkpoint (tursodb does, after PRAGMA wal_checkpoint), so no"
                    + " replica can be built from it or rebuilt after the checkpoint; nothing was applied and "
                    + database + " keeps its last synced state (revision " + (metadata.revision().isEmpty() ? "none"
                    : metadata.revision()) + "). Do not checkpoint a primary that replicas follow, or serve them from"
                    + " a server that gives full copies (sqld, Turso Cloud).");
        }
    }

    /**
     * Revisions are opaque, but servers that number them (the Turso sync server counts WAL frames) restart
     * the count after a checkpoint. Going backwards means the primary's history restarted: pulling
     * incrementally from there would silently skip changes.
     */
    private boolean historyRestarted(String serverRevision) {
        try {
            return Long.parseLong(serverRevision) < Long.parseLong(metadata.revision());
        } catch (NumberFormatException opaque) {
            return false; // not numbered: nothing to compare
        }
    }

    /** Applies a sealed pull under the write lock, records the revision, removes the redo file. */
    private void applySealed(RedoLog.Committed sealed) throws IOException {
        fileLock.writeLock().lock();
        try {
            awaitingRollForward = true;
            new PageApplier(faults).apply(database, sealed);
            ReplicaMetadata updated = metadata.withRevision(sealed.header().serverRevision());
            updated.save(metadataFile);
            metadata = updated;
            faults.reached(ApplyStep.METADATA_SAVED);
            Durable.delete(redoFile);
            faults.reached(ApplyStep.REDO_DELETED);
            pagesPresent = currentPages() > 0;
            generation++;
            awaitingRollForward = false;
        } finally {
            fileLock.writeLock().unlock();
        }
        fireChanged();
    }

    private void fireChanged() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A replica change listener failed; the pull itself succeeded", e);
            }
        }
    }

    /**
     * Takes the shared lock under which the file may be read; close the guard when the read is done.
     * Pulls wait for open guards, and new guards wait for a pending pull.
     *
     * @throws OperationalError when the replica is closed, or when a failed pull left the file half
     *         written (the next pull, or reopening, completes it)
     */
    public ReadGuard readLock() {
        fileLock.readLock().lock();
        if (closed || awaitingRollForward) {
            fileLock.readLock().unlock();
            ensureOpen();
            throw new OperationalError("The replica file " + database + " is in the middle of an interrupted pull and "
                    + "cannot be read until it is completed. Call syncReplica() or reopen the database; the sealed "
                    + "pull in " + redoFile.getFileName() + " is then applied.");
        }
        return new ReadGuard(fileLock.readLock());
    }

    /**
     * Cancels a pull's download in flight and any later one (on shutdown): they fail with nothing applied. Writing
     * pages that were all received is never interrupted.
     */
    public void cancelPull() {
        client.cancel();
    }

    /** A counter that goes up each time the file's content changes; readers reopen when it has moved. */
    public long generation() {
        return generation;
    }

    /** Registers a callback run after each change to the file (outside the lock). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Whether the file holds any page yet; false before the first pull and while the primary is empty. */
    public boolean hasPages() {
        return pagesPresent;
    }

    /** The revision of the primary the file holds; empty before the first pull. */
    public String revision() {
        return metadata.revision();
    }

    /** The database file readers open. */
    public Path databasePath() {
        return database;
    }

    /** The primary this file mirrors. */
    public SyncSource source() {
        return source;
    }

    /** Releases the inter-process lock. Open readers must be closed first. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            processLock.release();
        } catch (IOException e) {
            // the channel close below releases it too
        }
        closeQuietly(lockChannel);
    }

    private void ensureOpen() {
        if (closed) throw new OperationalError("The replica of " + source.displayUrl() + " at " + database + " is closed.");
    }

    private long currentPages() throws IOException {
        return Files.exists(database) ? Files.size(database) / ReplicaFormat.PAGE_SIZE : 0;
    }

    private OperationalError localFailure(String action, IOException e) {
        return new OperationalError("Could not " + action + ": " + e.getMessage() + ". The replica keeps its last "
                + "complete state (a sealed pull is re-applied on the next sync or open); check disk space and "
                + "permissions.", e);
    }

    private static SyncResult result(String revision, long pages, long bytes, long startedNanos) {
        return new SyncResult(revision, pages, bytes, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held that the OS does not release
        }
    }

    /** The read side of the file lock, held for one read; closing it lets pulls proceed. */
    public static final class ReadGuard implements AutoCloseable {
        private final java.util.concurrent.locks.Lock lock;
        private boolean released;

        private ReadGuard(java.util.concurrent.locks.Lock lock) {
            this.lock = lock;
        }

        /** Releases the lock; call on the thread that took it. */
        @Override
        public void close() {
            if (!released) {
                released = true;
                lock.unlock();
            }
        }
    }
}
