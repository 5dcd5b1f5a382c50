package com.example.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** A book by one author. */
public class Book extends Model {
    @CharField(maxLength = 200)
    public String title;

    @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    public static Manager<Book> objects() {
        return Manager.of(Book.class);
    }
}
