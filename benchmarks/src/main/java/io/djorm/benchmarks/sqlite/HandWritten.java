package io.djorm.benchmarks.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a competent engineer writes with sqlite-jdbc for each operation: every statement prepared once and
 * reused, autocommit outside explicit transactions ({@code BEGIN IMMEDIATE}, as djorm), the same SQL shape
 * and the same columns as djorm's statements, rows filled into plain objects by column index.
 */
final class HandWritten implements AutoCloseable {
    private static final String BOOK_COLUMNS = "bench_book.id, bench_book.title, bench_book.pages, bench_book.price, "
            + "bench_book.views, bench_book.author_id";
    private static final String AUTHOR_COLUMNS = "bench_author.id, bench_author.name, bench_author.country_id";
    private final Connection c;
    private final PreparedStatement all;
    private final PreparedStatement byPk;
    private final PreparedStatement count;
    private final PreparedStatement withAuthor;
    private final PreparedStatement withCountry;
    private final PreparedStatement firstBooks;
    private final PreparedStatement tagsOf;
    private final PreparedStatement valueRows;
    private final PreparedStatement updateViews;
    private final PreparedStatement insertEntry;
    private final PreparedStatement insertEntryBatch;
    private final PreparedStatement setViews;
    private final PreparedStatement deleteEntries;
    private final PreparedStatement deleteShelf;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private final int prefetchBooks;

    HandWritten(Connection c, int prefetchBooks) throws SQLException {
        this.c = c;
        this.prefetchBooks = prefetchBooks;
        all = c.prepareStatement("SELECT " + BOOK_COLUMNS + " FROM bench_book");
        byPk = c.prepareStatement("SELECT " + BOOK_COLUMNS + " FROM bench_book WHERE bench_book.id = ?");
        count = c.prepareStatement("SELECT COUNT(*) FROM bench_book WHERE (bench_book.pages > ? AND "
                + "INSTR(bench_book.title, ?) = 1)");
        withAuthor = c.prepareStatement("SELECT " + BOOK_COLUMNS + ", " + AUTHOR_COLUMNS
                + " FROM bench_book INNER JOIN bench_author ON (bench_book.author_id = bench_author.id)");
        withCountry = c.prepareStatement("SELECT " + BOOK_COLUMNS + ", " + AUTHOR_COLUMNS
                + ", bench_country.id, bench_country.name FROM bench_book"
                + " INNER JOIN bench_author ON (bench_book.author_id = bench_author.id)"
                + " INNER JOIN bench_country ON (bench_author.country_id = bench_country.id)");
        firstBooks = c.prepareStatement("SELECT " + BOOK_COLUMNS + " FROM bench_book WHERE bench_book.id <= ?");
        String marks = String.join(", ", Collections.nCopies(prefetchBooks, "?"));
        tagsOf = c.prepareStatement("SELECT bench_book_tags.book_id, bench_tag.id, bench_tag.name FROM bench_tag"
                + " INNER JOIN bench_book_tags ON (bench_tag.id = bench_book_tags.tag_id)"
                + " WHERE bench_book_tags.book_id IN (" + marks + ")");
        valueRows = c.prepareStatement("SELECT bench_book.id, bench_book.title, bench_book.pages FROM bench_book");
        updateViews = c.prepareStatement("UPDATE bench_book SET views = (bench_book.views + ?) WHERE bench_book.id <= ?");
        insertEntry = c.prepareStatement("INSERT INTO bench_entry (label, rank, shelf_id) VALUES (?, ?, ?) RETURNING id");
        insertEntryBatch = c.prepareStatement("INSERT INTO bench_entry (label, rank, shelf_id) VALUES (?, ?, ?)");
        setViews = c.prepareStatement("UPDATE bench_book SET views = ? WHERE id = ?");
        deleteEntries = c.prepareStatement("DELETE FROM bench_entry WHERE shelf_id = ?");
        deleteShelf = c.prepareStatement("DELETE FROM bench_shelf WHERE id = ?");
        // Transactions as djorm drives them: explicit statements on an autocommit connection (sqlite-jdbc's
        // setAutoCommit(false) would open a new transaction right after every commit).
        begin = c.prepareStatement("BEGIN IMMEDIATE");
        commit = c.prepareStatement("COMMIT");
        rollback = c.prepareStatement("ROLLBACK");
    }

    private static Plain.Book book(ResultSet rs) throws SQLException {
        Plain.Book b = new Plain.Book();
        b.id = rs.getLong(1);
        b.title = rs.getString(2);
        int pages = rs.getInt(3);
        b.pages = rs.wasNull() ? null : pages;
        double price = rs.getDouble(4);
        b.price = rs.wasNull() ? null : price;
        int views = rs.getInt(5);
        b.views = rs.wasNull() ? null : views;
        b.authorId = rs.getLong(6);
        return b;
    }

    private static Plain.Author author(ResultSet rs, int first) throws SQLException {
        Plain.Author a = new Plain.Author();
        a.id = rs.getLong(first);
        a.name = rs.getString(first + 1);
        a.countryId = rs.getLong(first + 2);
        return a;
    }

    List<Plain.Book> hydrate() throws SQLException {
        List<Plain.Book> out = new ArrayList<>();
        try (ResultSet rs = all.executeQuery()) {
            while (rs.next()) out.add(book(rs));
        }
        return out;
    }

    Plain.Book get(long id) throws SQLException {
        byPk.setLong(1, id);
        try (ResultSet rs = byPk.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("no book " + id);
            return book(rs);
        }
    }

    long count(int pagesAbove, String titlePrefix) throws SQLException {
        count.setLong(1, pagesAbove);
        count.setString(2, titlePrefix);
        try (ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<Plain.Book> withAuthor() throws SQLException {
        List<Plain.Book> out = new ArrayList<>();
        try (ResultSet rs = withAuthor.executeQuery()) {
            while (rs.next()) {
                Plain.Book b = book(rs);
                b.author = author(rs, 7);
                out.add(b);
            }
        }
        return out;
    }

    List<Plain.Book> withAuthorAndCountry() throws SQLException {
        List<Plain.Book> out = new ArrayList<>();
        try (ResultSet rs = withCountry.executeQuery()) {
            while (rs.next()) {
                Plain.Book b = book(rs);
                b.author = author(rs, 7);
                Plain.Country country = new Plain.Country();
                country.id = rs.getLong(10);
                country.name = rs.getString(11);
                b.author.country = country;
                out.add(b);
            }
        }
        return out;
    }

    List<Plain.Book> withTags() throws SQLException {
        firstBooks.setLong(1, prefetchBooks);
        List<Plain.Book> books = new ArrayList<>(prefetchBooks);
        Map<Long, Plain.Book> byId = new HashMap<>();
        try (ResultSet rs = firstBooks.executeQuery()) {
            while (rs.next()) {
                Plain.Book b = book(rs);
                books.add(b);
                byId.put(b.id, b);
            }
        }
        for (int i = 0; i < books.size(); i++) tagsOf.setLong(i + 1, books.get(i).id);
        try (ResultSet rs = tagsOf.executeQuery()) {
            while (rs.next()) {
                Plain.Tag t = new Plain.Tag();
                t.id = rs.getLong(2);
                t.name = rs.getString(3);
                byId.get(rs.getLong(1)).addTag(t);
            }
        }
        return books;
    }

    List<Map<String, Object>> values() throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = valueRows.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", rs.getLong(1));
                row.put("title", rs.getString(2));
                int pages = rs.getInt(3);
                row.put("pages", rs.wasNull() ? null : pages);
                out.add(row);
            }
        }
        return out;
    }

    List<List<Object>> valuesList() throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (ResultSet rs = valueRows.executeQuery()) {
            while (rs.next()) {
                int pages = rs.getInt(3);
                out.add(Collections.unmodifiableList(Arrays.asList(rs.getLong(1), rs.getString(2),
                        rs.wasNull() ? null : pages)));
            }
        }
        return out;
    }

    long addViews(int delta, long upToId) throws SQLException {
        updateViews.setLong(1, delta);
        updateViews.setLong(2, upToId);
        return updateViews.executeLargeUpdate();
    }

    List<Plain.Entry> createEach(int n, long shelfId) throws SQLException {
        List<Plain.Entry> out = new ArrayList<>(n);
        inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                Plain.Entry e = entry(i, shelfId);
                insertEntry.setString(1, e.label);
                insertEntry.setLong(2, e.rank);
                insertEntry.setLong(3, shelfId);
                try (ResultSet rs = insertEntry.executeQuery()) {
                    rs.next();
                    e.id = rs.getLong(1);
                }
                out.add(e);
            }
            return null;
        });
        return out;
    }

    int createBatch(int n, long shelfId) throws SQLException {
        return inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                Plain.Entry e = entry(i, shelfId);
                insertEntryBatch.setString(1, e.label);
                insertEntryBatch.setLong(2, e.rank);
                insertEntryBatch.setLong(3, shelfId);
                insertEntryBatch.addBatch();
            }
            int[] done = insertEntryBatch.executeBatch();
            return done.length;
        });
    }

    private static Plain.Entry entry(int i, long shelfId) {
        Plain.Entry e = new Plain.Entry();
        e.label = "entry-" + i;
        e.rank = i;
        e.shelfId = shelfId;
        return e;
    }

    int setViews(List<Plain.Book> books) throws SQLException {
        return inTransaction(() -> {
            for (Plain.Book b : books) {
                setViews.setLong(1, b.views);
                setViews.setLong(2, b.id);
                setViews.addBatch();
            }
            int[] done = setViews.executeBatch();
            return done.length;
        });
    }

    long deleteShelf(long shelfId) throws SQLException {
        return inTransaction(() -> {
            deleteEntries.setLong(1, shelfId);
            long n = deleteEntries.executeLargeUpdate();
            deleteShelf.setLong(1, shelfId);
            n += deleteShelf.executeLargeUpdate();
            return n;
        });
    }

    /** Work run inside a transaction. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs work between {@code BEGIN IMMEDIATE} and {@code COMMIT}; rolls back when it fails. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        begin.execute();
        try {
            T result = work.run();
            commit.execute();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback.execute();
            throw e;
        }
    }

    /** The connection, for the benchmarks' untimed setup. */
    Connection connection() {
        return c;
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
