package io.djorm.behaviour.shop;

import io.djorm.core.Model;
import io.djorm.core.fields.DateTimeField;
import java.time.LocalDateTime;

/** An abstract base model: its fields are inherited, it has no table. */
public abstract class Timestamped extends Model {
    @DateTimeField(autoNowAdd = true)
    public LocalDateTime created;

    @DateTimeField(autoNow = true)
    public LocalDateTime modified;
}
