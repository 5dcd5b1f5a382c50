package io.djorm.async.demo;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;

/** An author for the async relation tests: the target of Article's foreign key and many-to-many. */
public class Author extends Model {
    @CharField(maxLength = 50)
    public String name;

    /** The default manager. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }

    /** A saved author. */
    public static Author named(String name) {
        return objects().create("name", name);
    }

    /** The articles this author wrote (reverse ForeignKey). */
    public RelatedManager<Article> articles() {
        return related("articles");
    }

    /** The articles this author reviewed (reverse ManyToManyField). */
    public RelatedManager<Article> reviewed() {
        return related("reviewed");
    }
}
