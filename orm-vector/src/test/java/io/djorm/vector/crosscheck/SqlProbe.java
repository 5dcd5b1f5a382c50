package io.djorm.vector.crosscheck;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code SELECT <expression>} with positional arguments (String, byte[], Long or null), run on both
 * databases. {@link #toString()} shows it in a form that can be pasted into a shell.
 */
record SqlProbe(String sql, List<Object> args) {

    static SqlProbe of(String sql, Object... args) {
        return new SqlProbe(sql, Arrays.asList(args));
    }

    @Override
    public String toString() {
        return sql + " " + args.stream().map(SqlProbe::show).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String show(Object arg) {
        if (arg instanceof byte[] blob) return "x'" + HexFormat.of().formatHex(blob) + "'";
        if (arg instanceof String text) return "'" + text + "'";
        return String.valueOf(arg);
    }
}
