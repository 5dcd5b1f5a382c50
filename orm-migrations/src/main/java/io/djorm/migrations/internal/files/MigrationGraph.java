package io.djorm.migrations.internal.files;

import io.djorm.migrations.MigrationError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The migrations and their dependencies (Django: {@code MigrationGraph} with the loader's checks). A
 * squashed migration stands in for the ones it replaces when all or none of them are applied.
 * Building it fails with the offending file named when a dependency is missing, when an app has two
 * leaf migrations (a conflict to merge), or when dependencies form a cycle.
 */
public final class MigrationGraph {
    private final Map<MigrationKey, Migration> nodes = new TreeMap<>();
    /** The squashed migrations the graph uses in place of the ones they replace. */
    private final List<Migration> squashes = new ArrayList<>();

    /** Builds and checks the graph; {@code applied} decides how squashed migrations are used. */
    public MigrationGraph(Collection<Migration> migrations, Set<MigrationKey> applied) {
        this(migrations, applied, false);
    }

    /**
     * Builds and checks the graph; with {@code allowConflicts} an app may have several leaf migrations
     * (for {@code makemigrations --merge}, which joins them).
     */
    public MigrationGraph(Collection<Migration> migrations, Set<MigrationKey> applied, boolean allowConflicts) {
        for (Migration m : migrations) {
            Migration previous = nodes.put(m.key(), m);
            if (previous != null) {
                throw new MigrationError("Two migrations are named " + m.key() + ": " + previous.where() + " and " + m.where() + ".");
            }
        }
        applySquashes(applied);
        checkDependencies();
        if (!allowConflicts) checkConflicts();
        topologicalOrder();
    }

    private void applySquashes(Set<MigrationKey> applied) {
        Map<MigrationKey, MigrationKey> remap = new TreeMap<>();
        for (Migration m : new ArrayList<>(nodes.values())) {
            if (m.replaces().isEmpty()) continue;
            long done = m.replaces().stream().filter(applied::contains).count();
            if (done == 0 || done == m.replaces().size()) {
                squashes.add(m);
                for (MigrationKey r : m.replaces()) {
                    nodes.remove(r);
                    remap.put(r, m.key());
                }
            } else {
                nodes.remove(m.key());
            }
        }
        if (remap.isEmpty()) return;
        for (Migration m : new ArrayList<>(nodes.values())) {
            List<MigrationKey> deps = new ArrayList<>(new LinkedHashSet<>(m.dependencies().stream()
                    .map(d -> remap.getOrDefault(d, d)).filter(d -> !d.equals(m.key())).toList()));
            nodes.put(m.key(), new Migration(m.key(), deps, m.operations(), m.initial(), m.replaces(), m.source()));
        }
    }

    /**
     * The applied migrations as the graph sees them: the recorded ones, plus each squashed migration in
     * use whose replaced migrations are all recorded (Django's loader counts those as applied too).
     */
    public Set<MigrationKey> applied(Set<MigrationKey> recorded) {
        Set<MigrationKey> out = new TreeSet<>(recorded);
        for (Migration squash : squashes) {
            if (recorded.containsAll(squash.replaces())) out.add(squash.key());
        }
        return out;
    }

    private void checkDependencies() {
        for (Migration m : nodes.values()) {
            for (MigrationKey d : m.dependencies()) {
                if (!nodes.containsKey(d)) {
                    throw new MigrationError(m.where() + " depends on " + d + ", which does not exist. Restore that "
                            + "migration or fix the dependency.");
                }
            }
        }
    }

    private void checkConflicts() {
        for (String app : apps()) {
            List<Migration> leaves = leafMigrations(app);
            if (leaves.size() > 1) {
                throw new MigrationError("Conflicting migrations in app '" + app + "': "
                        + String.join(" and ", leaves.stream().map(Migration::where).toList())
                        + " both follow the same history. Run makemigrations --merge to join them (or make one depend on the "
                        + "other) and run again.");
            }
        }
    }

    /** The apps that have migrations, sorted. */
    public Set<String> apps() {
        Set<String> out = new TreeSet<>();
        nodes.keySet().forEach(k -> out.add(k.app()));
        return out;
    }

    private List<Migration> leafMigrations(String app) {
        Set<MigrationKey> dependedOn = new HashSet<>();
        nodes.values().stream().filter(m -> m.key().app().equals(app)).forEach(m -> dependedOn.addAll(m.dependencies()));
        return nodes.values().stream().filter(m -> m.key().app().equals(app) && !dependedOn.contains(m.key())).toList();
    }

    /** The app's leaf migrations: more than one when its history has branches to merge. */
    public List<MigrationKey> leaves(String app) {
        return leafMigrations(app).stream().map(Migration::key).toList();
    }

    /** The last migration of an app, or null when it has none. */
    public MigrationKey leaf(String app) {
        List<Migration> leaves = leafMigrations(app);
        return leaves.isEmpty() ? null : leaves.get(0).key();
    }

    /** The migration, or null. */
    public Migration get(MigrationKey key) {
        return nodes.get(key);
    }

    /** Whether the graph has that migration. */
    public boolean contains(MigrationKey key) {
        return nodes.containsKey(key);
    }

    /** Every migration in an order where dependencies come first; ties broken by app and name. */
    public List<Migration> topologicalOrder() {
        List<Migration> order = new ArrayList<>();
        Set<MigrationKey> done = new HashSet<>();
        Set<MigrationKey> pending = new TreeSet<>(nodes.keySet());
        while (!pending.isEmpty()) {
            MigrationKey next = null;
            for (MigrationKey k : pending) {
                if (done.containsAll(nodes.get(k).dependencies())) {
                    next = k;
                    break;
                }
            }
            if (next == null) {
                throw new MigrationError("Migrations depend on each other in a cycle: " + pending
                        + ". Remove one of the dependencies.");
            }
            pending.remove(next);
            done.add(next);
            order.add(nodes.get(next));
        }
        return order;
    }

    /** The migration and everything it depends on, directly or not. */
    public Set<MigrationKey> ancestors(MigrationKey key) {
        Set<MigrationKey> out = new HashSet<>();
        collect(key, out, true);
        return out;
    }

    /** The migration and everything that depends on it, directly or not. */
    public Set<MigrationKey> descendants(MigrationKey key) {
        Set<MigrationKey> out = new HashSet<>();
        collect(key, out, false);
        return out;
    }

    private void collect(MigrationKey key, Set<MigrationKey> out, boolean up) {
        if (!out.add(key)) return;
        if (up) {
            for (MigrationKey d : nodes.get(key).dependencies()) collect(d, out, true);
        } else {
            for (Migration m : nodes.values()) if (m.dependencies().contains(key)) collect(m.key(), out, false);
        }
    }
}
