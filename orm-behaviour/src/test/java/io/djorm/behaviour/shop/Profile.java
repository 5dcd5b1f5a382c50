package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.OneToOneField;
import io.djorm.core.OnDelete;

/** A writer's profile: a OneToOneField. */
public class Profile extends Model {
    @OneToOneField(to = Writer.class, onDelete = OnDelete.CASCADE, relatedName = "profile")
    public Ref<Writer> writer;

    @CharField(maxLength = 200, blank = true, defaultValue = "")
    public String bio;

    /** The default manager. */
    public static Manager<Profile> objects() {
        return Manager.of(Profile.class);
    }
}
