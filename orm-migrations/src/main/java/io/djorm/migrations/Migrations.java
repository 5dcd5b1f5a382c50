package io.djorm.migrations;

import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.migrations.internal.autodetector.Autodetector;
import io.djorm.migrations.internal.executor.MigrationExecutor;
import io.djorm.migrations.internal.executor.MigrationRecorder;
import io.djorm.migrations.internal.files.Migration;
import io.djorm.migrations.internal.files.MigrationGraph;
import io.djorm.migrations.internal.files.MigrationKey;
import io.djorm.migrations.internal.files.MigrationLoader;
import io.djorm.migrations.internal.files.MigrationWriter;
import io.djorm.migrations.internal.inspect.ModelSource;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.optimizer.MigrationOptimizer;
import io.djorm.migrations.internal.operations.RenameModel;
import io.djorm.migrations.internal.state.ProjectState;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The migration commands as Java calls ({@code makemigrations}, {@code migrate}, {@code sqlmigrate},
 * {@code showmigrations}, {@code squashmigrations}). Works on plain inputs: the current models, a
 * connection with its dialect, and the directory holding {@code <app>/NNNN_name.json} files.
 */
public final class Migrations {
    private final List<ModelMeta> models;
    private final Connection connection;
    private final Dialect dialect;
    private final Path directory;
    private final Consumer<String> out;
    private final ClassLoader classpath;

    /**
     * Creates the facade that reads and writes migrations in {@code directory} only.
     *
     * @param models the current models (all apps)
     * @param connection the database; migrations open their own transactions on it
     * @param dialect the database's dialect, which supplies the schema editor
     * @param directory the migrations root, such as {@code src/main/resources/migrations}
     * @param out receives progress lines
     */
    public Migrations(Collection<ModelMeta> models, Connection connection, Dialect dialect, Path directory,
                      Consumer<String> out) {
        this(models, connection, dialect, directory, null, out);
    }

    /**
     * Creates the facade that writes migrations in {@code directory} and also reads the
     * {@code migrations/<app>/*.json} resources of {@code classpath} for apps that have no folder in
     * {@code directory} (migrations shipped in a library jar).
     *
     * @param classpath where to look for shipped migrations; null for none
     */
    public Migrations(Collection<ModelMeta> models, Connection connection, Dialect dialect, Path directory,
                      ClassLoader classpath, Consumer<String> out) {
        this.models = List.copyOf(models);
        this.connection = connection;
        this.dialect = dialect;
        this.directory = directory;
        this.classpath = classpath;
        this.out = out;
    }

    /** The result of {@link #makeMigrations}: each new migration's file and text. */
    public record Made(Path file, String text, List<String> descriptions) {
    }

    /**
     * Writes migrations for the differences between the models and the migration files.
     *
     * @param apps the apps to look at; empty means all
     * @param name the name part of new migrations, or null for a generated one
     * @param dryRun whether to only return the migrations without writing them
     * @param empty whether to write an empty migration for each of {@code apps}
     * @param questioner decides possible renames
     */
    public List<Made> makeMigrations(Set<String> apps, String name, boolean dryRun, boolean empty, RenameQuestioner questioner) {
        MigrationGraph graph = graph();
        Set<String> allApps = new TreeSet<>(graph.apps());
        models.forEach(m -> allApps.add(m.appLabel()));
        for (String app : apps) {
            if (!allApps.contains(app)) throw new MigrationError("App '" + app + "' has no models and no migrations.");
        }
        Set<String> chosen = apps.isEmpty() ? allApps : new TreeSet<>(apps);
        Map<String, List<Operation>> changes = new TreeMap<>();
        ProjectState from = MigrationExecutor.finalState(graph);
        if (empty) {
            for (String app : chosen) changes.put(app, List.of());
        } else {
            changes = new Autodetector(from, ProjectState.fromModels(models), questioner).changes(chosen);
        }
        Map<String, MigrationKey> newKeys = new LinkedHashMap<>();
        for (Map.Entry<String, List<Operation>> e : changes.entrySet()) {
            MigrationKey leaf = graph.leaf(e.getKey());
            int number = leaf == null ? 1 : Integer.parseInt(leaf.name().substring(0, 4)) + 1;
            String suffix = name != null ? name : leaf == null && !empty ? "initial" : autoName(e.getValue());
            newKeys.put(e.getKey(), new MigrationKey(e.getKey(), String.format("%04d_%s", number, suffix)));
        }
        List<Made> made = new ArrayList<>();
        for (Map.Entry<String, List<Operation>> e : changes.entrySet()) {
            String app = e.getKey();
            Set<MigrationKey> deps = new TreeSet<>();
            MigrationKey leaf = graph.leaf(app);
            if (leaf != null) deps.add(leaf);
            for (Operation op : e.getValue()) {
                if (op instanceof RenameModel rename) {
                    // Tables that point at the renamed model must exist before the rename re-points them.
                    for (ModelMeta referrer : from.referrers(app + "." + rename.oldName())) {
                        if (!referrer.appLabel().equals(app) && graph.leaf(referrer.appLabel()) != null) {
                            deps.add(graph.leaf(referrer.appLabel()));
                        }
                    }
                }
                for (String label : op.references()) {
                    String otherApp = label.substring(0, label.indexOf('.'));
                    if (otherApp.equals(app)) continue;
                    MigrationKey dep = newKeys.containsKey(otherApp) ? newKeys.get(otherApp) : graph.leaf(otherApp);
                    if (dep != null) deps.add(dep);
                }
            }
            Migration m = new Migration(newKeys.get(app), new ArrayList<>(deps), e.getValue(), leaf == null && !empty,
                    List.of(), null);
            String text = MigrationWriter.render(m);
            Path file = directory.resolve(app).resolve(m.key().name() + ".json");
            if (!dryRun) MigrationWriter.write(directory, m);
            made.add(new Made(file, text, e.getValue().stream().map(Operation::describe).toList()));
        }
        return made;
    }

    /**
     * Joins the branches of apps whose history has several leaf migrations (Django:
     * {@code makemigrations --merge}): one empty migration per such app that depends on every leaf. Its
     * descriptions list each branch's operations, for review.
     *
     * @param apps the apps to look at; empty means all
     * @param name the name part of the merge migrations, or null for {@code merge_<leaves>}
     * @param dryRun whether to only return the migrations without writing them
     * @return nothing when no app has conflicting leaves
     */
    public List<Made> mergeMigrations(Set<String> apps, String name, boolean dryRun) {
        MigrationGraph graph = new MigrationGraph(MigrationLoader.load(directory, classpath), recordedApplied(), true);
        List<Made> made = new ArrayList<>();
        for (String app : graph.apps()) {
            List<MigrationKey> leaves = graph.leaves(app);
            if (leaves.size() < 2 || !apps.isEmpty() && !apps.contains(app)) continue;
            Set<MigrationKey> common = new TreeSet<>(graph.ancestors(leaves.get(0)));
            leaves.forEach(leaf -> common.retainAll(graph.ancestors(leaf)));
            List<String> descriptions = new ArrayList<>();
            for (MigrationKey leaf : leaves) {
                Set<MigrationKey> branch = graph.ancestors(leaf);
                for (Migration m : graph.topologicalOrder()) {
                    if (!branch.contains(m.key()) || common.contains(m.key()) || !m.key().app().equals(app)) continue;
                    m.operations().forEach(op -> descriptions.add("Branch " + leaf.name() + ": " + op.describe()));
                }
            }
            int number = leaves.stream().mapToInt(k -> Integer.parseInt(k.name().substring(0, 4))).max().orElse(1) + 1;
            String leafNames = String.join("_", leaves.stream().map(MigrationKey::name).sorted().toList());
            String suffix = name != null ? name : "merge_" + (leafNames.length() <= 47 ? leafNames
                    : LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmm")));
            Migration merge = new Migration(new MigrationKey(app, String.format("%04d_%s", number, suffix)), leaves, List.of(),
                    false, List.of(), null);
            if (!dryRun) MigrationWriter.write(directory, merge);
            made.add(new Made(directory.resolve(app).resolve(merge.key().name() + ".json"), MigrationWriter.render(merge),
                    descriptions));
        }
        return made;
    }

    private static String autoName(List<Operation> ops) {
        if (ops.isEmpty()) return "auto";
        String joined = String.join("_", ops.stream().map(Operation::nameFragment).toList());
        return joined.length() <= 52 ? joined : "auto";
    }

    /** The steps {@link #migrate} would run; targets map an app to a migration name or {@code "zero"}. */
    public List<String> plan(Map<String, String> targets) {
        return executor().plan(targets).stream().map(s -> (s.backwards() ? "Unapply " : "Apply ") + s.migration().key()
                + describeOps(s.migration())).toList();
    }

    private static String describeOps(Migration m) {
        return m.operations().isEmpty() ? "" : "\n    " + String.join("\n    ", m.operations().stream().map(Operation::describe).toList());
    }

    /** Applies or unapplies migrations to reach the targets (empty: every app's latest). */
    public void migrate(Map<String, String> targets, boolean fake, boolean fakeInitial) {
        MigrationExecutor executor = executor();
        List<MigrationExecutor.Step> steps = executor.plan(targets);
        out.accept("Running migrations:");
        if (steps.isEmpty()) out.accept("  No migrations to apply.");
        executor.run(steps, fake, fakeInitial);
    }

    /** The SQL of one migration (a unique name prefix is enough), rendered without running it. */
    public List<String> sqlMigrate(String app, String name, boolean backwards) {
        MigrationExecutor executor = new MigrationExecutor(connection, dialect, graph(), out);
        return executor.sql(executor.resolve(app, name), backwards);
    }

    /** Every app's migrations, with {@code [X]} for applied ones, in Django's layout. */
    public List<String> showMigrations() {
        MigrationGraph graph = graph();
        Set<MigrationKey> applied = executor().applied();
        List<String> lines = new ArrayList<>();
        for (String app : graph.apps()) {
            lines.add(app);
            for (Migration m : graph.topologicalOrder()) {
                if (m.key().app().equals(app)) lines.add(" [" + (applied.contains(m.key()) ? "X" : " ") + "] " + m.key().name());
            }
        }
        return lines;
    }

    /**
     * Squashes an app's migrations from {@code start} (null: the first) to {@code end} into one file that
     * replaces them. The operations are optimised as Django's {@code squashmigrations} does: a
     * CreateModel absorbs its model's later changes, a field added and later removed disappears, and so on.
     */
    public Path squashMigrations(String app, String start, String end, String name) {
        MigrationGraph graph = graph();
        MigrationExecutor executor = new MigrationExecutor(connection, dialect, graph, out);
        MigrationKey last = executor.resolve(app, end);
        MigrationKey first = start == null ? null : executor.resolve(app, start);
        List<Migration> chosen = new ArrayList<>();
        for (Migration m : graph.topologicalOrder()) {
            if (!m.key().app().equals(app) || m.key().compareTo(last) > 0) continue;
            if (first != null && m.key().compareTo(first) < 0) continue;
            chosen.add(m);
        }
        Set<MigrationKey> replaced = new TreeSet<>();
        chosen.forEach(m -> replaced.add(m.key()));
        Set<MigrationKey> deps = new TreeSet<>();
        List<Operation> ops = new ArrayList<>();
        for (Migration m : chosen) {
            ops.addAll(m.operations());
            m.dependencies().stream().filter(d -> !replaced.contains(d)).forEach(deps::add);
        }
        ops = MigrationOptimizer.optimize(ops, app);
        String label = name != null ? name : "squashed_" + last.name().substring(0, 4);
        String prefix = chosen.get(0).key().name().substring(0, 4);
        Migration squashed = new Migration(new MigrationKey(app, prefix + "_" + label), new ArrayList<>(deps), ops,
                chosen.get(0).initial(), new ArrayList<>(replaced), null);
        return MigrationWriter.write(directory, squashed);
    }

    /**
     * Java model classes for the database's existing tables (Django: {@code inspectdb}), one source
     * text per table, keyed by class name; the migration recorder's own table is left out.
     *
     * @param appLabel the app the models are labelled with (a table named {@code <app>_<x>} becomes {@code X})
     * @param packageName the package of the generated classes
     */
    public Map<String, String> inspectDb(String appLabel, String packageName) {
        if (connection == null) throw new MigrationError("inspectdb needs a database connection.");
        List<ModelMeta> found = dialect.schemaEditor(connection, label -> {
            throw new MigrationError("inspectdb resolves no models (asked for " + label + ").");
        }).inspectModels(appLabel, Set.of(MigrationRecorder.TABLE));
        Map<String, String> sources = new LinkedHashMap<>();
        for (ModelMeta m : found) sources.put(m.modelName(), ModelSource.render(m, packageName, found));
        return sources;
    }

    private MigrationExecutor executor() {
        return new MigrationExecutor(connection, dialect, graph(), out);
    }

    private MigrationGraph graph() {
        return new MigrationGraph(MigrationLoader.load(directory, classpath), recordedApplied());
    }

    private Set<MigrationKey> recordedApplied() {
        return connection == null ? Set.of() : new MigrationRecorder(connection, dialect).applied();
    }
}
