package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.RelatedManager;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** An employee with a manager of the same model: a self reference by label. */
public class Employee extends Model {
    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(toLabel = "self", onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "reports")
    public Ref<Employee> manager;

    /** The default manager. */
    public static Manager<Employee> objects() {
        return Manager.of(Employee.class);
    }

    /** The employees this one manages. */
    public RelatedManager<Employee> reports() {
        return related("reports");
    }
}
