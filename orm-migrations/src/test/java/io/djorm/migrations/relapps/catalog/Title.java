package io.djorm.migrations.relapps.catalog;

import io.djorm.core.Manager;
import io.djorm.core.ManyRelated;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.fields.ManyToManyField;
import io.djorm.core.OnDelete;
import io.djorm.migrations.relapps.writers.Writer;

/** A book title: a foreign key to a model of another app and a many-to-many relation. */
public class Title extends Model {
    @CharField(maxLength = 200)
    public String name;

    @ForeignKey(to = Writer.class, onDelete = OnDelete.CASCADE, relatedName = "titles")
    public Ref<Writer> writer;

    @ManyToManyField(to = Genre.class, relatedName = "titles")
    public ManyRelated<Genre> genres;

    /** The default manager. */
    public static Manager<Title> objects() {
        return Manager.of(Title.class);
    }
}
