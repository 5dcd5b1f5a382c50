package io.djorm.migrations.internal.optimizer;

import io.djorm.migrations.internal.operations.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens a list of operations without changing what it does (Django: {@code MigrationOptimizer}),
 * for {@code squashmigrations}: a CreateModel absorbs the later changes of its model, an AddField
 * absorbs its later AlterField or disappears with its RemoveField, a DeleteModel cancels its
 * CreateModel, renames chain. Each operation is compared with each later one; when two reduce, the
 * operations between them must let the result move across (to the right, or else to the left). The
 * pass repeats until nothing changes.
 */
public final class MigrationOptimizer {
    private MigrationOptimizer() {
    }

    /** The optimised operations of app {@code app}. */
    public static List<Operation> optimize(List<Operation> operations, String app) {
        List<Operation> current = List.copyOf(operations);
        while (true) {
            List<Operation> next = pass(current, app);
            if (next.equals(current)) return current;
            current = next;
        }
    }

    /** One pass: the first reduction found is made, the rest copied. */
    private static List<Operation> pass(List<Operation> ops, String app) {
        List<Operation> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            boolean right = true;
            boolean kept = false;
            for (int j = i + 1; j < ops.size(); j++) {
                Operation other = ops.get(j);
                Reductions.Result result = Reductions.reduce(op, other, app);
                if (result.replacement() != null) {
                    List<Operation> between = ops.subList(i + 1, j);
                    if (right) {
                        out.addAll(between);
                        out.addAll(result.replacement());
                    } else if (between.stream().allMatch(b -> Reductions.reduce(b, other, app).through())) {
                        out.addAll(result.replacement());
                        out.addAll(between);
                    } else {
                        out.add(op);
                        kept = true;
                        break;
                    }
                    out.addAll(ops.subList(j + 1, ops.size()));
                    return out;
                }
                if (!result.through()) right = false;
            }
            if (!kept) out.add(op);
        }
        return out;
    }
}
