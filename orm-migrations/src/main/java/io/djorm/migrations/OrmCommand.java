package io.djorm.migrations;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code orm} command: {@code makemigrations}, {@code migrate}, {@code sqlmigrate},
 * {@code showmigrations}, {@code squashmigrations}, with Django's options and output. The project
 * (models, database, migrations directory) comes from a factory, so an application's own main method
 * decides how it is configured: {@code System.exit(OrmCommand.run(out -> new Migrations(...), args))}.
 */
@Command(name = "orm", mixinStandardHelpOptions = true, description = "djorm management commands",
        subcommands = {OrmCommand.MakeMigrations.class, OrmCommand.Migrate.class, OrmCommand.SqlMigrate.class,
                OrmCommand.ShowMigrations.class, OrmCommand.SquashMigrations.class})
public final class OrmCommand {
    private final Function<java.util.function.Consumer<String>, Migrations> project;
    private final PrintWriter out;

    private OrmCommand(Function<java.util.function.Consumer<String>, Migrations> project, PrintWriter out) {
        this.project = project;
        this.out = out;
    }

    /**
     * Runs one command and returns its exit code (0 success, 1 for {@code makemigrations --check} with
     * pending changes or any error, 2 for bad usage).
     *
     * @param project builds the project given where progress lines go
     * @param args the command line, such as {@code migrate shop 0002}
     */
    public static int run(Function<java.util.function.Consumer<String>, Migrations> project, PrintWriter out, String... args) {
        CommandLine cli = new CommandLine(new OrmCommand(project, out));
        cli.setOut(out);
        cli.setErr(out);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            out.println("CommandError: " + e.getMessage());
            out.flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        return code;
    }

    private Migrations project() {
        return project.apply(line -> {
            out.println(line);
            out.flush();
        });
    }

    /** {@code makemigrations [app...] [--name] [--check] [--dry-run] [--empty] [--rename a=b] [--no-rename]}. */
    @Command(name = "makemigrations", description = "Create migrations for model changes.")
    static final class MakeMigrations implements Callable<Integer> {
        @CommandLine.ParentCommand OrmCommand parent;
        @Parameters(arity = "0..*", description = "app labels") List<String> apps = new ArrayList<>();
        @Option(names = "--name", description = "name part of the new migrations") String name;
        @Option(names = "--check", description = "exit 1 if models have changes without migrations") boolean check;
        @Option(names = "--dry-run", description = "show what would be written") boolean dryRun;
        @Option(names = "--empty", description = "write an empty migration") boolean empty;
        @Option(names = "--rename", description = "confirm a rename: app.Model.old=new or app.Old=New") List<String> renames = new ArrayList<>();
        @Option(names = "--no-rename", description = "record unconfirmed renames as remove + add") boolean noRename;

        @Override
        public Integer call() {
            List<Migrations.Made> made = parent.project().makeMigrations(new LinkedHashSet<>(apps), name, dryRun || check, empty,
                    RenameQuestioner.hints(renames, noRename));
            if (made.isEmpty()) {
                parent.out.println("No changes detected");
                return 0;
            }
            parent.out.println(check ? "Changes without migrations:" : dryRun ? "Migrations that would be written:" : "Migrations written:");
            for (Migrations.Made m : made) {
                parent.out.println("  " + m.file());
                m.descriptions().forEach(d -> parent.out.println("    - " + d));
                if (dryRun && !check) parent.out.print(m.text());
            }
            return check ? 1 : 0;
        }
    }

    /** {@code migrate [app] [target] [--plan] [--fake] [--fake-initial]}. */
    @Command(name = "migrate", description = "Apply or unapply migrations.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.ParentCommand OrmCommand parent;
        @Parameters(index = "0", arity = "0..1", description = "app label") String app;
        @Parameters(index = "1", arity = "0..1", description = "migration name or prefix, or zero") String target;
        @Option(names = "--plan", description = "show the steps without running them") boolean plan;
        @Option(names = "--fake", description = "record migrations as (un)applied without running them") boolean fake;
        @Option(names = "--fake-initial", description = "fake initial migrations whose tables exist") boolean fakeInitial;

        @Override
        public Integer call() {
            Migrations project = parent.project();
            Map<String, String> targets = new LinkedHashMap<>();
            if (app != null) {
                targets.put(app, target != null ? target : leafOf(project, app));
            }
            if (plan) {
                List<String> steps = project.plan(targets);
                parent.out.println("Planned operations:");
                if (steps.isEmpty()) parent.out.println("  No planned migration operations.");
                steps.forEach(s -> parent.out.println(s));
                return 0;
            }
            project.migrate(targets, fake, fakeInitial);
            return 0;
        }

        private static String leafOf(Migrations project, String app) {
            List<String> lines = project.showMigrations();
            int at = lines.indexOf(app);
            if (at < 0) throw new MigrationError("App '" + app + "' has no migrations.");
            String last = null;
            for (int i = at + 1; i < lines.size() && lines.get(i).startsWith(" ["); i++) last = lines.get(i).substring(5);
            if (last == null) throw new MigrationError("App '" + app + "' has no migrations.");
            return last;
        }
    }

    /** {@code sqlmigrate app name [--backwards]}. */
    @Command(name = "sqlmigrate", description = "Print the SQL of a migration.")
    static final class SqlMigrate implements Callable<Integer> {
        @CommandLine.ParentCommand OrmCommand parent;
        @Parameters(index = "0") String app;
        @Parameters(index = "1") String name;
        @Option(names = "--backwards", description = "the SQL that unapplies it") boolean backwards;

        @Override
        public Integer call() {
            parent.out.println("BEGIN;");
            parent.project().sqlMigrate(app, name, backwards).forEach(s -> parent.out.println(s + ";"));
            parent.out.println("COMMIT;");
            return 0;
        }
    }

    /** {@code showmigrations}. */
    @Command(name = "showmigrations", description = "List migrations and whether they are applied.")
    static final class ShowMigrations implements Callable<Integer> {
        @CommandLine.ParentCommand OrmCommand parent;

        @Override
        public Integer call() {
            parent.project().showMigrations().forEach(parent.out::println);
            return 0;
        }
    }

    /** {@code squashmigrations app [start] end [--squashed-name]}. */
    @Command(name = "squashmigrations", description = "Squash an app's migrations into one.")
    static final class SquashMigrations implements Callable<Integer> {
        @CommandLine.ParentCommand OrmCommand parent;
        @Parameters(index = "0") String app;
        @Parameters(index = "1..2", arity = "1..2", description = "[start] end") List<String> range = new ArrayList<>();
        @Option(names = "--squashed-name") String name;

        @Override
        public Integer call() {
            String start = range.size() == 2 ? range.get(0) : null;
            String end = range.get(range.size() - 1);
            Path file = parent.project().squashMigrations(app, start, end, name);
            parent.out.println("Created new squashed migration " + file);
            return 0;
        }
    }
}
