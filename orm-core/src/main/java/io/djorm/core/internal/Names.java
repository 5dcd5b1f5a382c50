package io.djorm.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Deterministic names for indexes and constraints, as Django makes them: readable, stable, short. */
public final class Names {
    private static final int MAX_LENGTH = 63;

    private Names() {
    }

    /** {@code <table>_<first column>_<hash8>_<suffix>}, at most 63 characters. */
    public static String index(String table, List<String> columns, String suffix) {
        String hash = hash8(table + "|" + String.join(",", columns) + "|" + suffix);
        String first = columns.isEmpty() ? "" : columns.get(0).replace("-", "");
        String base = table + "_" + first;
        int room = MAX_LENGTH - hash.length() - suffix.length() - 2;
        if (base.length() > room) base = base.substring(0, room);
        return base + "_" + hash + "_" + suffix;
    }

    /** The first 8 hex digits of the MD5 of the text. */
    public static String hash8(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
