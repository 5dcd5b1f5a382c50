package io.djorm.sqlite.writes;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.IntegerField;

/** A row with a unique name, for batch and bulkUpdate tests. */
public class Card extends Model {
    @CharField(maxLength = 20, unique = true)
    public String name;

    @IntegerField
    public Integer rank;

    /** The default manager. */
    public static Manager<Card> objects() {
        return Manager.of(Card.class);
    }
}
