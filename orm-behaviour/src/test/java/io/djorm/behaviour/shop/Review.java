package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.IntegerField;
import io.djorm.core.OnDelete;

/** A review of a novel: two hops from the writer, for nested paths and cascades. */
public class Review extends Model {
    @ForeignKey(to = Novel.class, onDelete = OnDelete.CASCADE, relatedName = "reviews")
    public Ref<Novel> novel;

    @IntegerField
    public Integer stars;

    /** The default manager. */
    public static Manager<Review> objects() {
        return Manager.of(Review.class);
    }

    /** A saved review of a novel. */
    public static Review of(Novel novel, int stars) {
        Review r = new Review();
        r.novel.set(novel);
        r.stars = stars;
        r.save();
        return r;
    }
}
