package io.djorm.testkit;

import io.djorm.testkit.internal.ServerProcess;
import java.nio.file.Path;

/** What the test kit's servers share: a process on a loopback port, a temporary directory, its database file. */
abstract class ManagedServer implements TestServer {
    private final Path directory;
    private final Path dbFile;
    private final ServerProcess process;

    ManagedServer(Path directory, java.util.function.Function<Path, ServerProcess> process) {
        this.directory = directory;
        this.dbFile = directory.resolve("primary.db");
        this.process = process.apply(dbFile);
    }

    /** Starts the process on a free port. */
    final void startProcess() {
        process.start();
    }

    @Override
    public int port() {
        return process.port();
    }

    @Override
    public Path databaseFile() {
        return dbFile;
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public void kill() {
        process.kill();
    }

    @Override
    public void freeze() {
        process.signal("-STOP");
    }

    @Override
    public void thaw() {
        process.signal("-CONT");
    }

    @Override
    public void restart() {
        process.restart();
    }

    @Override
    public void close() {
        process.kill();
        ServerProcess.deleteTree(directory);
    }
}
