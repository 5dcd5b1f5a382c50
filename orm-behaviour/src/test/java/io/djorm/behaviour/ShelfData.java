package io.djorm.behaviour;

import io.djorm.behaviour.shop.Book;
import io.djorm.core.Djorm;
import io.djorm.core.spi.Rows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small shelf of books for the expression tests, and the means to compare what the ORM returns
 * with what a hand-written SQL query returns on the same backend.
 */
final class ShelfData {
    private ShelfData() {
    }

    /** Seven books over two formats, with ties, NULLs, dates and decimals. */
    static void seed() {
        book("Dune", "pb", 412, "9.99", LocalDate.of(1965, 8, 1), LocalDateTime.of(2024, 3, 1, 9, 30), 4.5);
        book("Emma", "hc", 474, "5.50", LocalDate.of(1815, 12, 23), LocalDateTime.of(2024, 3, 2, 18, 5), 4.0);
        book("Ulysses", "hc", 730, null, LocalDate.of(1922, 2, 2), null, 3.5);
        book("Beloved", "pb", 324, "12.00", null, LocalDateTime.of(2023, 11, 30, 23, 59), 4.5);
        book("Ivanhoe", "pb", 412, "7.25", LocalDate.of(1819, 12, 18), null, null);
        book("Middlemarch", "hc", 880, "11.75", LocalDate.of(1871, 12, 1), LocalDateTime.of(2022, 6, 15, 7, 0), 4.0);
        book("Walden", "pb", 352, "3.00", LocalDate.of(1854, 8, 9), null, 3.0);
    }

    private static void book(String title, String format, int pages, String price, LocalDate published,
                             LocalDateTime lastRead, Double rating) {
        Book b = Book.titled(title);
        b.format = format;
        b.pages = pages;
        b.price = price == null ? null : new BigDecimal(price);
        b.published = published;
        b.lastRead = lastRead;
        b.rating = rating;
        b.save();
    }

    /** The rows of a hand-written query, each value in comparable form. */
    static List<List<Object>> sql(String sql, Object... params) {
        Rows rows = Djorm.connection().query(sql, params);
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : rows.rows()) out.add(normalized(Arrays.asList(row)));
        return out;
    }

    /** ORM rows (lists from valuesList()) in comparable form. */
    static List<List<Object>> lists(Iterable<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) out.add(normalized(row));
        return out;
    }

    /** One map's values, in key order, in comparable form. */
    static List<Object> values(Map<String, Object> map) {
        return normalized(new ArrayList<>(map.values()));
    }

    private static List<Object> normalized(List<Object> row) {
        List<Object> out = new ArrayList<>();
        for (Object v : row) out.add(normalize(v));
        return out;
    }

    /**
     * Every number as a Double rounded to 6 places (the SQLite family may keep 12.00 as the integer 12
     * and reads sums of decimals as doubles); booleans as 1/0; dates as ISO text.
     */
    static Object normalize(Object v) {
        if (v instanceof Number n) return Math.round(n.doubleValue() * 1e6) / 1e6;
        if (v instanceof Boolean b) return b ? 1L : 0L;
        if (v instanceof LocalDate || v instanceof java.time.LocalTime) return v.toString();
        if (v instanceof LocalDateTime dt) return io.djorm.core.internal.fields.Temporals.format(dt);
        return v;
    }
}
