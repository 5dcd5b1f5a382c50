package io.djorm.migrations.internal.executor;

import io.djorm.core.DatabaseError;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Statement;
import io.djorm.migrations.MigrationError;
import io.djorm.migrations.internal.files.Migration;
import io.djorm.migrations.internal.files.MigrationGraph;
import io.djorm.migrations.internal.files.MigrationKey;
import io.djorm.migrations.internal.operations.CreateModel;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.state.ProjectState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans and runs migrations (Django: {@code MigrationExecutor}). Each migration runs as one
 * transaction together with its row in {@code djorm_migrations}, so a failing migration leaves the
 * database as it was before it.
 */
public final class MigrationExecutor {
    /** The target name meaning "before the first migration". */
    public static final String ZERO = "zero";

    private final Connection connection;
    private final Dialect dialect;
    private final MigrationGraph graph;
    private final MigrationRecorder recorder;
    private final Consumer<String> out;

    /** One step of a plan: a migration, applied or unapplied. */
    public record Step(Migration migration, boolean backwards) {
        @Override
        public String toString() {
            return (backwards ? "Unapply " : "Apply ") + migration.key();
        }
    }

    /** An executor; {@code out} receives progress lines. */
    public MigrationExecutor(Connection connection, Dialect dialect, MigrationGraph graph, Consumer<String> out) {
        this.connection = connection;
        this.dialect = dialect;
        this.graph = graph;
        this.recorder = new MigrationRecorder(connection, dialect);
        this.out = out;
    }

    /** The applied migrations, a squashed one counting as applied when all it replaces are. */
    public Set<MigrationKey> applied() {
        return graph.applied(recorder.applied());
    }

    /**
     * The steps that bring the database to the targets: {@code app -> name} (a migration, or
     * {@link #ZERO}); an empty map means every app's latest migration.
     */
    public List<Step> plan(Map<String, String> targets) {
        Set<MigrationKey> applied = applied();
        Map<String, String> goals = new java.util.TreeMap<>(targets);
        if (goals.isEmpty()) {
            for (String app : graph.apps()) goals.put(app, graph.leaf(app).name());
        }
        Set<MigrationKey> forwards = new LinkedHashSet<>();
        Set<MigrationKey> backwards = new LinkedHashSet<>();
        for (Map.Entry<String, String> goal : goals.entrySet()) {
            String app = goal.getKey();
            if (!graph.apps().contains(app)) throw new MigrationError("App '" + app + "' has no migrations.");
            if (goal.getValue().equals(ZERO)) {
                for (Migration m : graph.topologicalOrder()) {
                    if (m.key().app().equals(app) && applied.contains(m.key())) backwards.addAll(graph.descendants(m.key()));
                }
                continue;
            }
            MigrationKey target = resolve(app, goal.getValue());
            if (applied.contains(target)) {
                for (Migration m : graph.topologicalOrder()) {
                    if (m.key().app().equals(app) && !m.key().equals(target) && graph.descendants(target).contains(m.key())) {
                        backwards.addAll(graph.descendants(m.key()));
                    }
                }
            } else {
                forwards.addAll(graph.ancestors(target));
            }
        }
        List<Step> steps = new ArrayList<>();
        List<Migration> order = graph.topologicalOrder();
        List<Migration> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        for (Migration m : reversed) if (backwards.contains(m.key()) && applied.contains(m.key())) steps.add(new Step(m, true));
        for (Migration m : order) if (forwards.contains(m.key()) && !applied.contains(m.key())) steps.add(new Step(m, false));
        return steps;
    }

    /** The migration an app's target names: the full name or a unique prefix ({@code 0002}). */
    public MigrationKey resolve(String app, String name) {
        MigrationKey exact = new MigrationKey(app, name);
        if (graph.contains(exact)) return exact;
        List<MigrationKey> matches = graph.topologicalOrder().stream().map(Migration::key)
                .filter(k -> k.app().equals(app) && k.name().startsWith(name)).toList();
        if (matches.size() == 1) return matches.get(0);
        throw new MigrationError(matches.isEmpty() ? "App '" + app + "' has no migration named '" + name + "'."
                : "More than one migration of '" + app + "' starts with '" + name + "': " + matches + ".");
    }

    /** Runs the steps in order; stops at the first failure, which leaves that migration unapplied. */
    public void run(List<Step> steps, boolean fake, boolean fakeInitial) {
        Set<MigrationKey> applied = new java.util.HashSet<>(applied());
        for (Step step : steps) {
            Migration m = step.migration();
            String verb = step.backwards() ? "Unapplying " : "Applying ";
            long start = System.nanoTime();
            if (step.backwards()) requireReversible(m);
            if (fake || !step.backwards() && fakeInitial && m.initial() && tablesExist(m)) {
                recorder.ensureTable();
                record(m, step.backwards());
                if (step.backwards()) applied.remove(m.key()); else applied.add(m.key());
                out.accept("  " + verb + m.key() + "... FAKED");
                continue;
            }
            try {
                recorder.ensureTable();
                run(m, step.backwards(), connection, stateOf(applied, m.key()));
                if (step.backwards()) applied.remove(m.key()); else applied.add(m.key());
                out.accept("  " + verb + m.key() + "... OK (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
            } catch (RuntimeException e) {
                out.accept("  " + verb + m.key() + "... FAILED");
                throw new MigrationError((step.backwards() ? "Unapplying " : "Applying ") + m.key() + " (" + m.where()
                        + ") failed and was rolled back: " + e.getMessage(), e);
            }
        }
    }

    private static void requireReversible(Migration m) {
        for (Operation op : m.operations()) {
            if (!op.reversible()) {
                throw new MigrationError("Migration " + m.key() + " (" + m.where() + ") cannot be unapplied: its operation \""
                        + op.describe() + "\" is irreversible. Nothing was changed.");
            }
        }
    }

    /** The SQL a migration runs, rendered without touching the database. */
    public List<String> sql(MigrationKey key, boolean backwards) {
        Migration m = graph.get(key);
        if (backwards) requireReversible(m);
        return run(m, backwards, null, stateBefore(key)).executedSql();
    }

    /**
     * The state the database is in just before {@code key} runs forwards: every applied migration
     * but this one, in dependency order (Django builds it the same way, so that a rename in one app is
     * seen by the tables of another).
     */
    private ProjectState stateOf(Set<MigrationKey> applied, MigrationKey key) {
        ProjectState state = new ProjectState();
        for (Migration m : graph.topologicalOrder()) {
            if (m.key().equals(key)) break;
            if (applied.contains(m.key())) replay(m, state);
        }
        return state;
    }

    private SchemaOps run(Migration m, boolean backwards, Connection on, ProjectState start) {
        StepResolver resolver = new StepResolver();
        SchemaOps ops = new SchemaOps(dialect.schemaEditor(on, resolver), on);
        List<ProjectState> states = statesThrough(m, start);
        ops.atomic(() -> {
            int n = m.operations().size();
            for (int k = 0; k < n; k++) {
                int i = backwards ? n - 1 - k : k;
                Operation op = m.operations().get(i);
                resolver.moveTo(states.get(i), states.get(i + 1));
                if (backwards) op.databaseBackwards(m.key().app(), ops, states.get(i), states.get(i + 1));
                else op.databaseForwards(m.key().app(), ops, states.get(i), states.get(i + 1));
            }
            if (on != null) record(m, backwards);
        });
        return ops;
    }

    private void record(Migration m, boolean backwards) {
        if (backwards) recorder.recordUnapplied(m); else recorder.recordApplied(m, recorder.applied());
    }

    /** The states before the migration and after each of its operations. */
    private static List<ProjectState> statesThrough(Migration m, ProjectState start) {
        ProjectState state = start.copy();
        List<ProjectState> states = new ArrayList<>();
        states.add(state.copy());
        for (Operation op : m.operations()) {
            op.stateForwards(m.key().app(), state);
            states.add(state.copy());
        }
        return states;
    }

    /** The state its dependencies leave, which is all a migration's operations may rely on. */
    public ProjectState stateBefore(MigrationKey key) {
        Set<MigrationKey> ancestors = graph.ancestors(key);
        ProjectState state = new ProjectState();
        for (Migration m : graph.topologicalOrder()) {
            if (ancestors.contains(m.key()) && !m.key().equals(key)) replay(m, state);
        }
        return state;
    }

    /** The state after every migration in the graph (what makemigrations compares the models with). */
    public static ProjectState finalState(MigrationGraph graph) {
        ProjectState state = new ProjectState();
        for (Migration m : graph.topologicalOrder()) replay(m, state);
        return state;
    }

    private static void replay(Migration m, ProjectState state) {
        for (Operation op : m.operations()) {
            try {
                op.stateForwards(m.key().app(), state);
            } catch (RuntimeException e) {
                throw new MigrationError(m.where() + ": operation \"" + op.describe() + "\" does not fit the history: "
                        + e.getMessage(), e);
            }
        }
    }

    private boolean tablesExist(Migration m) {
        for (Operation op : m.operations()) {
            if (op instanceof CreateModel create && !tableExists(create.model())) return false;
        }
        return true;
    }

    private boolean tableExists(ModelMeta model) {
        try (RowCursor rows = connection.query(Statement.of("SELECT * FROM " + dialect.quote(model.dbTable()) + " WHERE 1 = 0"))) {
            rows.next();
            return true;
        } catch (DatabaseError e) {
            return false;
        }
    }
}
