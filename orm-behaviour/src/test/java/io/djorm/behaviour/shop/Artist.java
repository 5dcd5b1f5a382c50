package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** An artist (Django's RESTRICT example: Artist, Album, Song). */
public class Artist extends Model {
    @CharField(maxLength = 50)
    public String name;

    /** The default manager. */
    public static Manager<Artist> objects() {
        return Manager.of(Artist.class);
    }
}
