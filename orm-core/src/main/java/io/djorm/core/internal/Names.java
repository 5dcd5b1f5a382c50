package io.djorm.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The name of a Meta index declared without one, made by Django's rule ({@code Index.set_name_with_model}),
 * so that a model written like a Django model names its indexes as Django does.
 */
public final class Names {
    private Names() {
    }

    /**
     * {@code <table, 11 chars>_<first column, 7 chars>_<hash6>_<suffix>}: the hash is the MD5 of the
     * table name, the column names ({@code -} before a descending one) and the suffix, concatenated;
     * at most 30 characters with a three-letter suffix such as {@code idx}.
     */
    public static String index(String table, List<String> columnsWithOrder, String suffix) {
        String firstColumn = columnsWithOrder.isEmpty() ? "" : columnsWithOrder.get(0).replaceFirst("^-", "");
        String hash = md5(table, columnsWithOrder, suffix).substring(0, 6);
        String name = cut(table, 11) + "_" + cut(firstColumn, 7) + "_" + hash + "_" + suffix;
        return name.charAt(0) == '_' || Character.isDigit(name.charAt(0)) ? "D" + name.substring(1) : name;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String md5(String table, List<String> columns, String suffix) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(table.getBytes(StandardCharsets.UTF_8));
            for (String column : columns) md5.update(column.getBytes(StandardCharsets.UTF_8));
            md5.update(suffix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
