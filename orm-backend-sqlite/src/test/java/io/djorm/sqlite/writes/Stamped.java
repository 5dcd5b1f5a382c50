package io.djorm.sqlite.writes;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateTimeField;
import java.time.LocalDateTime;

/** A row with both kinds of automatic timestamps. */
public class Stamped extends Model {
    @CharField(maxLength = 20)
    public String name;

    @DateTimeField(autoNowAdd = true)
    public LocalDateTime created;

    @DateTimeField(autoNow = true)
    public LocalDateTime modified;

    /** The default manager. */
    public static Manager<Stamped> objects() {
        return Manager.of(Stamped.class);
    }
}
