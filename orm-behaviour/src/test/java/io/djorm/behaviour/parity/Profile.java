package io.djorm.behaviour.parity;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.DateTimeField;
import io.djorm.core.fields.OneToOneField;
import io.djorm.core.OnDelete;
import java.time.LocalDateTime;

/** The parity twin of parity/django's Profile: a one-to-one to Author. */
public class Profile extends Model {
    @OneToOneField(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "profile")
    public Ref<Author> author;

    @CharField(maxLength = 100, defaultValue = "")
    public String bio;

    @DateTimeField(nullable = true)
    public LocalDateTime joined;

    /** The default manager. */
    public static Manager<Profile> objects() {
        return Manager.of(Profile.class);
    }
}
