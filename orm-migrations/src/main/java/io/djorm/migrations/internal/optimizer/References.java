package io.djorm.migrations.internal.optimizer;

import io.djorm.core.meta.FieldMeta;
import io.djorm.migrations.internal.operations.AddField;
import io.djorm.migrations.internal.operations.AlterField;
import io.djorm.migrations.internal.operations.CreateModel;
import io.djorm.migrations.internal.operations.DeleteModel;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.operations.RemoveField;
import io.djorm.migrations.internal.operations.RenameField;
import io.djorm.migrations.internal.operations.RenameModel;

/**
 * What an operation touches, for deciding whether another operation may move across it (Django:
 * {@code Operation.references_model} and {@code references_field}). Unknown or opaque operations
 * (indexes, constraints, RunSQL, RunJava, DeleteModel) answer "yes", as Django's do, so nothing moves
 * across them.
 */
final class References {
    private References() {
    }

    /** Whether {@code op} (of app {@code app}) uses the model {@code model} of the same app. */
    static boolean model(Operation op, String app, String model) {
        if (op instanceof CreateModel c) {
            return same(c.model().modelName(), model) || c.model().fields().stream().anyMatch(f -> pointsAt(f, app, model));
        }
        if (op instanceof RenameModel r) return same(r.oldName(), model) || same(r.newName(), model);
        // A deleted model may have pointed at any model.
        if (op instanceof DeleteModel) return true;
        if (op instanceof AddField a) return same(a.model(), model) || pointsAt(a.field(), app, model);
        if (op instanceof AlterField a) return same(a.model(), model) || pointsAt(a.field(), app, model);
        String own = Reductions.modelOf(op);
        return own == null || same(own, model);
    }

    /** Whether {@code op} uses the field {@code field} of {@code model}. */
    static boolean field(Operation op, String app, String model, String field) {
        if (op instanceof AddField a) return same(a.model(), model) && same(a.field().name(), field) || pointsAt(a.field(), app, model);
        if (op instanceof AlterField a) return same(a.model(), model) && same(a.field().name(), field) || pointsAt(a.field(), app, model);
        if (op instanceof RemoveField r) return same(r.model(), model) && same(r.name(), field);
        if (op instanceof RenameField r) return same(r.model(), model) && (same(r.oldName(), field) || same(r.newName(), field));
        return model(op, app, model);
    }

    /** Whether a field is a relation to {@code app.model}. */
    static boolean pointsAt(FieldMeta f, String app, String model) {
        return f.isRelation() && f.relation().target().equalsIgnoreCase(app + "." + model);
    }

    static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
