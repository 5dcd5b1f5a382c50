package io.djorm.behaviour.shop;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.fields.CharField;
import io.djorm.core.fields.ForeignKey;
import io.djorm.core.OnDelete;

/** A contract: PROTECT, SET_DEFAULT and DO_NOTHING (without a database constraint) foreign keys. */
public class Contract extends Model {
    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.PROTECT, relatedName = "contracts")
    public Ref<Publisher> publisher;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.SET_DEFAULT, nullable = true, defaultValue = "1",
            relatedName = "imprintContracts")
    public Ref<Publisher> imprint;

    @ForeignKey(to = Publisher.class, onDelete = OnDelete.DO_NOTHING, nullable = true, dbConstraint = false,
            relatedName = "witnessedContracts")
    public Ref<Publisher> witness;

    /** The default manager. */
    public static Manager<Contract> objects() {
        return Manager.of(Contract.class);
    }
}
