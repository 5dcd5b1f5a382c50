package io.djorm.maven.plugin.testapp;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** The one model of the goals' test project. */
public class Item extends Model {
    @CharField(maxLength = 40)
    public String label;

    public static Manager<Item> objects() {
        return Manager.of(Item.class);
    }
}
