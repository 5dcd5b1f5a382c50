package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.EmailField;
import io.djorm.core.fields.SlugField;
import io.djorm.core.fields.URLField;

/** An author with validated text fields. */
public class Author extends Model {
    @CharField(maxLength = 50)
    public String name;

    @EmailField(unique = true, nullable = true)
    public String email;

    @URLField(blank = true, defaultValue = "")
    public String website;

    @SlugField(blank = true, defaultValue = "")
    public String slug;

    /** The default manager. */
    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }
}
