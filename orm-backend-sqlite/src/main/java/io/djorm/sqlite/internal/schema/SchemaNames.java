package io.djorm.sqlite.internal.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic names for generated indexes and tables, shaped like Django's
 * ({@code <table>_<columns>_<hash8>[_suffix]}), so that the same models always produce the same DDL.
 */
public final class SchemaNames {
    /** Names longer than this are shortened, keeping the hash that makes them unique. */
    private static final int MAX_LENGTH = 120;

    private SchemaNames() {
    }

    /** The name of an index over {@code columns} of {@code table}, with an optional suffix ({@code "uniq"}). */
    public static String indexName(String table, List<String> columns, String suffix) {
        String hash = hash8(table + "|" + String.join(",", columns) + "|" + suffix);
        String tail = "_" + hash + (suffix.isEmpty() ? "" : "_" + suffix);
        String head = table + "_" + String.join("_", columns);
        if (head.length() + tail.length() > MAX_LENGTH) head = head.substring(0, MAX_LENGTH - tail.length());
        return head + tail;
    }

    /** The first eight hex digits of the MD5 of the text: short, stable across runs and JVMs. */
    static String hash8(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
