package io.djorm.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One test server process on a loopback port: started from a command line that takes the port, ready
 * once the port accepts connections, its output appended to a log whose tail explains a failed start.
 */
public final class ServerProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private final String name;
    private final Path log;
    private final IntFunction<List<String>> command;
    private int port;
    private Process process;

    /** A server called {@code name} (for messages), logging to {@code log}, started by {@code command(port)}. */
    public ServerProcess(String name, Path log, IntFunction<List<String>> command) {
        this.name = name;
        this.log = log;
        this.command = command;
    }

    /** Starts the server on a free loopback port. */
    public void start() {
        launch(freePort());
    }

    /** Starts the server on {@code onPort} and waits until it listens. */
    public void launch(int onPort) {
        this.port = onPort;
        ProcessBuilder pb = new ProcessBuilder(command.apply(onPort));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + pb.command().get(0) + ")", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " on port " + onPort
                        + ": " + tail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", onPort), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        kill();
        throw new IllegalStateException(name + " did not listen on port " + onPort + " within " + START_TIMEOUT
                + ": " + tail());
    }

    /** The port the server was last started on. */
    public int port() {
        return port;
    }

    /** Whether the process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits for it to end. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            NpmTools.waitFor(process);
        }
    }

    /**
     * Sends a signal ({@code -STOP}, {@code -CONT}) to the process: a stopped server keeps its
     * connections open and answers nothing, as one that hangs. Linux and macOS only.
     */
    public void signal(String signal) {
        if (process == null || !process.isAlive()) throw new IllegalStateException(name + " is not running");
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) throw new IllegalStateException("kill " + signal + " failed for " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("could not signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** Kills the server and starts it again on the same port. */
    public void restart() {
        kill();
        launch(port);
    }

    /** Deletes a directory and everything in it, quietly: temporary files the OS cleans up eventually. */
    public static void deleteTree(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // already gone, or left to the OS
        }
    }

    private String tail() {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
