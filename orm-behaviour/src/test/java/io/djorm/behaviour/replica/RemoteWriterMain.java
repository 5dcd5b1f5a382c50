package io.djorm.behaviour.replica;

import io.djorm.behaviour.shop.Author;
import io.djorm.core.Djorm;
import io.djorm.core.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A separate process for {@link ReplicaCrossCheckTest}: writes through the remote path only (inserts,
 * updates, deletes, an atomic block), then exits.
 */
public final class RemoteWriterMain {
    private RemoteWriterMain() {
    }

    /** {@code args[0]}: the primary's URL; {@code args[1]}: how many authors to write. */
    public static void main(String[] args) {
        Djorm.configure(Map.of("DATABASES", Map.of("default", Map.of("ENGINE", "libsql", "NAME", args[0]))));
        try {
            int n = Integer.parseInt(args[1]);
            List<Author> authors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Author a = new Author();
                a.name = "writer-" + i;
                a.email = "w" + i + "@example.com";
                authors.add(a);
            }
            Author.objects().bulkCreate(authors);
            Author.objects().filter("name__endswith", "7").update("slug", "sevens");
            Author.objects().filter("name__endswith", "3").delete();
            Transaction.atomic(() -> {
                Author.objects().create("name", "in-a-transaction", "email", "tx@example.com");
                Author renamed = Author.objects().get("email", "w1@example.com");
                renamed.name = "renamed";
                renamed.save();
            });
        } finally {
            Djorm.shutdown();
        }
    }
}
