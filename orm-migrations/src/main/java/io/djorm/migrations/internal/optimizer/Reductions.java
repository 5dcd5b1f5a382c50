package io.djorm.migrations.internal.optimizer;

import static io.djorm.migrations.internal.optimizer.References.same;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.operations.AddField;
import io.djorm.migrations.internal.operations.AlterField;
import io.djorm.migrations.internal.operations.AlterModelTable;
import io.djorm.migrations.internal.operations.AlterUniqueTogether;
import io.djorm.migrations.internal.operations.CreateModel;
import io.djorm.migrations.internal.operations.DeleteModel;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.operations.RemoveField;
import io.djorm.migrations.internal.operations.RenameField;
import io.djorm.migrations.internal.operations.RenameModel;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.List;

/**
 * Django's reduction rules ({@code Operation.reduce}): what an operation and a later one become
 * together. The answer is a replacement list, or "through" (the later operation does not touch what
 * this one does, so one may move across the other), or "blocked".
 */
final class Reductions {
    /** A replacement (possibly empty), or none with whether the two operations may cross. */
    record Result(List<Operation> replacement, boolean through) {
        static final Result BLOCKED = new Result(null, false);
        static final Result THROUGH = new Result(null, true);

        static Result of(boolean through) {
            return through ? THROUGH : BLOCKED;
        }

        static Result replace(Operation... ops) {
            return new Result(List.of(ops), false);
        }
    }

    private Reductions() {
    }

    /** What {@code op} and the later {@code other}, both of app {@code app}, reduce to. */
    static Result reduce(Operation op, Operation other, String app) {
        if (op instanceof CreateModel c) return createModel(c, other, app);
        if (op instanceof DeleteModel d) return Result.of(!References.model(other, app, d.name()));
        if (op instanceof RenameModel r) return renameModel(r, other, app);
        if (op instanceof AlterModelTable || op instanceof AlterUniqueTogether) return modelOption(op, modelOf(op), other, app);
        if (op instanceof AddField a) return addField(a, other, app);
        if (op instanceof AlterField a) return alterField(a, other, app);
        if (op instanceof RenameField r) return renameField(r, other, app);
        if (op instanceof RemoveField r) return removeField(r, other, app);
        return Result.BLOCKED;
    }

    /** A CreateModel absorbs the later changes of its own model; a DeleteModel cancels it. */
    private static Result createModel(CreateModel c, Operation other, String app) {
        String name = c.model().modelName();
        if (other instanceof DeleteModel d && same(d.name(), name)) return Result.replace();
        boolean absorbs = other instanceof RenameModel r ? same(r.oldName(), name)
                : !(other instanceof DeleteModel) && modelOf(other) != null && same(modelOf(other), name);
        if (absorbs) return Result.replace(new CreateModel(applied(c.model(), other, app)));
        return Result.of(!References.model(other, app, name));
    }

    /**
     * The one model a model or field operation changes (its current name), or null for an operation
     * without one (CreateModel and RenameModel aside, which name models in their own ways).
     */
    static String modelOf(Operation op) {
        if (op instanceof DeleteModel d) return d.name();
        if (op instanceof AlterModelTable t) return t.name();
        if (op instanceof AlterUniqueTogether u) return u.model();
        if (op instanceof AddField a) return a.model();
        if (op instanceof AlterField a) return a.model();
        if (op instanceof RemoveField r) return r.model();
        if (op instanceof RenameField r) return r.model();
        return null;
    }

    /** The model after {@code other}'s change, worked out by the operation's own state change. */
    private static ModelMeta applied(ModelMeta model, Operation other, String app) {
        ProjectState state = new ProjectState();
        state.put(model);
        other.stateForwards(app, state);
        String name = other instanceof RenameModel r ? r.newName() : model.modelName();
        return state.get(app, name);
    }

    private static Result renameModel(RenameModel r, Operation other, String app) {
        if (other instanceof RenameModel next && same(next.oldName(), r.newName())) {
            return Result.replace(new RenameModel(r.oldName(), next.newName()));
        }
        return Result.of(!References.model(other, app, r.newName()));
    }

    /** A later change of the same option, or the model's deletion, supersedes an option change. */
    private static Result modelOption(Operation op, String model, Operation other, String app) {
        boolean sameKind = other.getClass() == op.getClass() && same(modelOf(other), model);
        if (sameKind || other instanceof DeleteModel d && same(d.name(), model)) return Result.replace(other);
        return Result.of(!References.model(other, app, model));
    }

    private static Result addField(AddField a, Operation other, String app) {
        if (sameField(other, a.model(), a.field().name())) {
            if (other instanceof AlterField alter) return Result.replace(new AddField(a.model(), alter.field()));
            if (other instanceof RemoveField) return Result.replace();
            if (other instanceof RenameField rename) {
                return Result.replace(new AddField(a.model(), renamed(a.model(), a.field(), rename, app)));
            }
        }
        return Result.of(!References.field(other, app, a.model(), a.field().name()));
    }

    private static Result alterField(AlterField a, Operation other, String app) {
        if (sameField(other, a.model(), a.field().name())) {
            if (other instanceof RemoveField) return Result.replace(other);
            if (other instanceof RenameField rename) {
                return Result.replace(other, new AlterField(a.model(), renamed(a.model(), a.field(), rename, app)));
            }
        }
        return Result.of(!References.field(other, app, a.model(), a.field().name()));
    }

    private static Result renameField(RenameField r, Operation other, String app) {
        if (other instanceof RenameField next && same(next.model(), r.model()) && same(next.oldName(), r.newName())) {
            return Result.replace(new RenameField(r.model(), r.oldName(), next.newName()));
        }
        return Result.of(!References.field(other, app, r.model(), r.newName()));
    }

    private static Result removeField(RemoveField r, Operation other, String app) {
        if (other instanceof DeleteModel d && same(d.name(), r.model())) return Result.replace(other);
        return Result.of(!References.field(other, app, r.model(), r.name()));
    }

    /** Whether {@code other} is a field operation on the same field (Django: is_same_field_operation). */
    private static boolean sameField(Operation other, String model, String field) {
        if (other instanceof AlterField a) return same(a.model(), model) && same(a.field().name(), field);
        if (other instanceof RemoveField r) return same(r.model(), model) && same(r.name(), field);
        if (other instanceof RenameField r) return same(r.model(), model) && same(r.oldName(), field);
        return false;
    }

    /** The field as the rename leaves it (its derived column follows the new name). */
    private static FieldMeta renamed(String model, FieldMeta field, RenameField rename, String app) {
        ModelMeta alone = ModelMeta.builder(app, model).field(field).build();
        return applied(alone, rename, app).field(rename.newName());
    }
}
