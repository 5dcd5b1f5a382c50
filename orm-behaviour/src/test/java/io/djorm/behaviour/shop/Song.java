package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** A song: deleting its album alone is restricted, deleting its artist (which cascades to both) is not. */
public class Song extends Model {
    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(to = Artist.class, onDelete = OnDelete.CASCADE)
    public Ref<Artist> artist;

    @ForeignKey(to = Album.class, onDelete = OnDelete.RESTRICT)
    public Ref<Album> album;

    /** The default manager. */
    public static Manager<Song> objects() {
        return Manager.of(Song.class);
    }
}
