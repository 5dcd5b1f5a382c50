package io.djorm.benchmarks.sqlite;

import io.djorm.benchmarks.model.Book;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/** Checks, before anything is timed, that both sides of each read benchmark return the same rows. */
final class Agreement {
    private Agreement() {
    }

    static void check(SqliteBenchmark b) throws SQLException {
        same("hydrate", b.hydrate_djorm().size(), b.hydrate_jdbc().size());
        same("filterCount", b.filterCount_djorm(), b.filterCount_jdbc());
        List<Book> related = b.selectRelatedTwoHops_djorm();
        List<Plain.Book> plain = b.selectRelatedTwoHops_jdbc();
        same("selectRelated", related.size(), plain.size());
        same("selectRelated country", related.get(123).author.get().country.get().name,
                plain.get(123).author.country.name);
        List<Book> tagged = b.prefetchRelated_djorm();
        List<Plain.Book> plainTagged = b.prefetchRelated_jdbc();
        same("prefetchRelated", tagged.size(), plainTagged.size());
        same("prefetchRelated tags", tagged.get(7).tags.all().list().size(), plainTagged.get(7).tags.size());
        same("values", b.values_djorm().get(42), b.values_jdbc().get(42));
        same("valuesList", b.valuesList_djorm().get(42), b.valuesList_jdbc().get(42));
    }

    private static void same(String what, Object djorm, Object jdbc) {
        if (!Objects.equals(djorm, jdbc)) {
            throw new IllegalStateException(what + ": djorm gave " + djorm + ", JDBC gave " + jdbc);
        }
    }
}
