package io.djorm.maven.plugin.internal;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a command's output goes: each complete line to the Maven log (through {@code sink}), and kept,
 * so that a goal can quote it in its failure message.
 */
public final class LogWriter extends Writer {
    private final Consumer<String> sink;
    private final StringBuilder pending = new StringBuilder();
    private final List<String> lines = new ArrayList<>();

    /** A writer that hands each line to {@code sink}. */
    public LogWriter(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    private void emit() {
        String line = pending.toString();
        pending.setLength(0);
        lines.add(line);
        sink.accept(line);
    }

    @Override
    public void flush() {
        // Lines are handed on as they end; a partial line waits for its end or for close().
    }

    @Override
    public synchronized void close() {
        if (pending.length() > 0) emit();
    }

    /** Every line written so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
