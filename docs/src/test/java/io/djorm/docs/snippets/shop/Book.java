// region migrations-walkthrough-model
package io.djorm.docs.snippets.shop;

import io.djorm.core.Model;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.IntegerField;

/** The one-model project of the walk-through in docs/migrations.md (app label {@code shop}). */
public class Book extends Model {
    @CharField(maxLength = 200) public String title;
    @IntegerField(defaultValue = "0") public Integer pages;
}
// endregion migrations-walkthrough-model
