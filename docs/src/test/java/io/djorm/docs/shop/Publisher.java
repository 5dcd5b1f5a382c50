// region model-publisher
package io.djorm.docs.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A publisher: the target of a nullable foreign key. */
public class Publisher extends Model {
    /** The publisher's name. */
    @CharField(maxLength = 100)
    public String name;

    /** The default manager. */
    public static Manager<Publisher> objects() {
        return Manager.of(Publisher.class);
    }
}
// endregion model-publisher
