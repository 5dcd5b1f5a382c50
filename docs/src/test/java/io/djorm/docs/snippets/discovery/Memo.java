package io.djorm.docs.snippets.discovery;

import io.djorm.core.Model;
import io.djorm.core.fields.CharField;

/** A model class that is not public: the scan does not see it. */
class Memo extends Model {
    @CharField(maxLength = 100)
    public String text;
}
