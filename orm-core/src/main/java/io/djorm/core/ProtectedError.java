package io.djorm.core;

import java.util.List;

/**
 * A delete was refused because other rows refer to the deleted ones through a ForeignKey with
 * {@code onDelete = PROTECT} (Django: {@code ProtectedError}). {@link #blockingObjects()} lists them.
 */
public class ProtectedError extends IntegrityError {
    private static final long serialVersionUID = 1L;
    private final transient List<Model> blockingObjects;

    /** Creates the exception with a message that says what blocks the delete, and the blocking objects. */
    public ProtectedError(String message, List<? extends Model> blockingObjects) {
        super(message);
        this.blockingObjects = List.copyOf(blockingObjects);
    }

    /** The objects whose protected foreign keys refer to the rows being deleted. */
    public List<Model> blockingObjects() {
        return blockingObjects;
    }
}
