package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.chars;
import static io.djorm.migrations.Fixtures.fk;
import static io.djorm.migrations.Fixtures.integer;
import static io.djorm.migrations.Fixtures.model;

import io.djorm.core.meta.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Three models evolving over eight migrations of app {@code shop} (the fixture of the squash tests;
 * parity/django/squash/optimize.py runs Django's optimizer on the same operations):
 * 1 Author and Book; 2 Book.pages; 3 Publisher and Book.publisher; 4 a longer Book.title; 5 pages
 * renamed to length; 6 Author.email; 7 Author.email removed; 8 Publisher.city and unique (title, author).
 */
final class Evolution {
    static final int STEPS = 8;
    /** The rename the fifth step confirms. */
    static final String RENAME = "shop.Book.pages=length";

    private Evolution() {
    }

    /** The models after step {@code n} (1 to 8). */
    static List<ModelMeta> step(int n) {
        ModelMeta.Builder author = model("shop", "Author").field(chars("name", 100).build());
        if (n == 6) author.field(chars("email", 254).nullable(true).build());
        ModelMeta.Builder book = model("shop", "Book").field(chars("title", n >= 4 ? 250 : 200).build())
                .field(fk("author", "shop.Author").build());
        if (n >= 2) book.field(integer(n >= 5 ? "length" : "pages").defaultValue(0, "0").build());
        if (n >= 3) book.field(fk("publisher", "shop.Publisher").nullable(true).build());
        if (n >= 8) book.uniqueTogether(List.of("title", "author"));
        List<ModelMeta> models = new ArrayList<>(List.of(author.build(), book.build()));
        if (n >= 3) {
            ModelMeta.Builder publisher = model("shop", "Publisher").field(chars("name", 100).build());
            if (n >= 8) publisher.field(chars("city", 50).nullable(true).build());
            models.add(publisher.build());
        }
        return models;
    }

    /** Writes the eight migrations with {@code project} built for each step's models. */
    static void write(Function<List<ModelMeta>, Migrations> project) {
        for (int n = 1; n <= STEPS; n++) {
            project.apply(step(n)).makeMigrations(Set.of(), null, false, false,
                    RenameQuestioner.hints(List.of(RENAME), false));
        }
    }
}
