package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;

/** A publisher: the target of nullable, protected and defaulted foreign keys. */
public class Publisher extends Model {
    @CharField(maxLength = 50)
    public String name;

    /** The default manager. */
    public static Manager<Publisher> objects() {
        return Manager.of(Publisher.class);
    }

    /** A saved publisher. */
    public static Publisher named(String name) {
        return objects().create("name", name);
    }

    /** The novels it published (reverse of a nullable ForeignKey). */
    public RelatedManager<Novel> novels() {
        return related("novels");
    }
}
