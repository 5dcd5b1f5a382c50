package com.example.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** Author as 0001_initial left it, plus a city that no migration adds. */
public class Author extends Model {
    @CharField(maxLength = 100)
    public String name;

    @CharField(maxLength = 80, nullable = true)
    public String city;

    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }
}
