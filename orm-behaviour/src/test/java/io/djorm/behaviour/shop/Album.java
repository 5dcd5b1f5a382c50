package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** An album of an artist. */
public class Album extends Model {
    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(to = Artist.class, onDelete = OnDelete.CASCADE)
    public Ref<Artist> artist;

    /** The default manager. */
    public static Manager<Album> objects() {
        return Manager.of(Album.class);
    }
}
