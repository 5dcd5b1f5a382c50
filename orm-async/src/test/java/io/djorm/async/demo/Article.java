package io.djorm.async.demo;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.OnDelete;

/**
 * An article for the async relation tests: a nullable ForeignKey to its author (nullable so the reverse
 * manager can remove and clear) and a many-to-many to its reviewers.
 */
public class Article extends Model {
    @CharField(maxLength = 100)
    public String title;

    @IntegerField(defaultValue = "0")
    public int words;

    @ForeignKey(to = Author.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "articles")
    public Ref<Author> author;

    @ManyToManyField(to = Author.class, relatedName = "reviewed")
    public ManyRelated<Author> reviewers;

    /** The default manager. */
    public static Manager<Article> objects() {
        return Manager.of(Article.class);
    }

    /** A saved article without an author. */
    public static Article titled(String title, int words) {
        return objects().create("title", title, "words", words);
    }
}
