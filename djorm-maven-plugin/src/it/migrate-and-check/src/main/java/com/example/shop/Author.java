package com.example.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

public class Author extends Model {
    @CharField(maxLength = 100)
    public String name;

    public static Manager<Author> objects() {
        return Manager.of(Author.class);
    }
}
