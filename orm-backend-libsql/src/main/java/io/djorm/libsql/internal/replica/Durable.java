package io.djorm.libsql.internal.replica;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** File operations that survive a crash: fsync of files and of the directory entries that name them. */
final class Durable {
    private Durable() {
    }

    /**
     * Makes the creation, rename or deletion of entries in a directory durable. Some platforms cannot
     * open a directory for fsync; there the file system's own ordering is all there is.
     */
    static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notSupportedHere) {
            // Windows and some file systems refuse; nothing more can be done portably.
        }
    }

    /** Replaces {@code target} with {@code content} in one atomic step: write a temporary file, fsync, rename. */
    static void replace(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory(target));
    }

    /** Deletes a file if present and makes the deletion durable. */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) syncDirectory(directory(file));
    }

    static Path directory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
