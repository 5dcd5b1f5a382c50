package io.djorm.sqlite.internal.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names of generated indexes, made by Django's rule ({@code BaseDatabaseSchemaEditor._create_index_name}):
 * {@code <table>_<columns>_<hash8><suffix>}, where the hash is the MD5 of the table name followed by the
 * column names. A database created by Django therefore carries the very names djorm expects, and
 * taking it over needs no index renames.
 */
public final class SchemaNames {
    /** Django's limit when the backend declares none (SQLite declares none). */
    private static final int MAX_LENGTH = 200;

    private SchemaNames() {
    }

    /**
     * The name of an index over {@code columns} of {@code table}; {@code suffix} is empty for a
     * single-field index and {@code "_uniq"} for a unique-together set, as in Django.
     */
    public static String indexName(String table, List<String> columns, String suffix) {
        String joined = String.join("_", columns);
        String hashAndSuffix = digest8(table, columns) + suffix;
        String name = table + "_" + joined + "_" + hashAndSuffix;
        if (name.length() <= MAX_LENGTH) return name;
        // Too long: Django shortens the suffix to a third, then cuts table and columns to equal shares.
        if (hashAndSuffix.length() > MAX_LENGTH / 3) hashAndSuffix = hashAndSuffix.substring(0, MAX_LENGTH / 3);
        int share = (MAX_LENGTH - hashAndSuffix.length()) / 2 - 1;
        name = cut(table, share) + "_" + cut(joined, share) + "_" + hashAndSuffix;
        if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) name = "D" + name.substring(0, name.length() - 1);
        return name;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** The first eight hex digits of the MD5 of the table name and column names, concatenated (Django: names_digest). */
    static String digest8(String table, List<String> columns) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(table.getBytes(StandardCharsets.UTF_8));
            for (String column : columns) md5.update(column.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
