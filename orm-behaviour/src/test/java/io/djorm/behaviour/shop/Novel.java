package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.OnDelete;

/** A novel: a required ForeignKey, a nullable one and a many-to-many relation with an automatic table. */
public class Novel extends Model {
    @CharField(maxLength = 100)
    public String title;

    @IntegerField(defaultValue = "0")
    public int pages;

    @ForeignKey(to = Writer.class, onDelete = OnDelete.CASCADE, relatedName = "novels")
    public Ref<Writer> author;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "novels")
    public Ref<Publisher> publisher;

    @ManyToManyField(to = Tag.class, relatedName = "novels")
    public ManyRelated<Tag> tags;

    /** The default manager. */
    public static Manager<Novel> objects() {
        return Manager.of(Novel.class);
    }

    /** A saved novel by an author. */
    public static Novel by(Writer author, String title, int pages) {
        Novel n = new Novel();
        n.title = title;
        n.pages = pages;
        n.author.set(author);
        n.save();
        return n;
    }

    /** The reviews of this novel (reverse ForeignKey). */
    public RelatedManager<Review> reviews() {
        return related("reviews");
    }

    /** The shelves holding this novel (reverse of a many-to-many with a through model of another app). */
    public RelatedManager<Shelf> shelves() {
        return related("shelves");
    }
}
