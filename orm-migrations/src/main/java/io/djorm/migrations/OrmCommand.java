package io.djorm.migrations;

import io.djorm.migrations.internal.cli.DjormProject;
import io.djorm.migrations.internal.cli.SettingsLoader;
import io.djorm.migrations.internal.cli.UserClasspath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code showmigrations}, {@code squashmigrations}, {@code inspectdb}, with Django's options and output.
 *
 * <p>Run on its own ({@link #main}), it configures djorm from {@code --settings} (or the
 * {@code DJORM_SETTINGS} / {@code DATABASE_URL} environment), takes the models of
 * {@code INSTALLED_APPS}, works on the {@code --database} alias, and writes migrations under
 * {@code --migrations} (default {@code src/main/resources/migrations}), reading apps without a folder
 * there from the classpath's {@code migrations/<app>/} resources. An application can instead pass its
 * own project: {@code OrmCommand.run(out -> new Migrations(...), writer, args)}.
 *
 * <p>Run from the {@code orm-cli} jar, the project's compiled classes are not on the JVM's classpath:
 * {@code --classpath} (or {@code DJORM_CLASSPATH}) names them, and there a Maven project's
 * {@code target/classes} in the working directory is used by default. Help and usage text carry no
 * ANSI colours unless standard output is a terminal and {@code NO_COLOR} is unset.
 */
@Command(name = "orm", mixinStandardHelpOptions = true, description = "djorm management commands",
        subcommands = {OrmCommand.MakeMigrations.class, OrmCommand.Migrate.class, OrmCommand.SqlMigrate.class,
                OrmCommand.ShowMigrations.class, OrmCommand.SquashMigrations.class, OrmCommand.InspectDb.class})
public final class OrmCommand {
    /** How the output line that reports a failed command begins (Django's {@code CommandError}). */
    public static final String ERROR_PREFIX = "CommandError: ";

    @Option(names = "--settings", scope = CommandLine.ScopeType.INHERIT,
            description = "settings: a .json or .properties file, or a Supplier<Map> class (default: $DJORM_SETTINGS)")
    String settings;
    @Option(names = "--database", scope = CommandLine.ScopeType.INHERIT, defaultValue = "default",
            description = "the database alias (default: ${DEFAULT-VALUE})")
    String database;
    @Option(names = "--migrations", scope = CommandLine.ScopeType.INHERIT, defaultValue = "src/main/resources/migrations",
            description = "the migrations directory (default: ${DEFAULT-VALUE})")
    Path migrationsDirectory;
    @Option(names = {"--classpath", "-cp"}, scope = CommandLine.ScopeType.INHERIT,
            description = "the project's compiled classes and jars, separated by the path separator; dir/* adds every jar"
                    + " in dir (default: $DJORM_CLASSPATH, else ./target/classes when it exists)")
    String classpath;

    private final Function<java.util.function.Consumer<String>, Migrations> project;
    private final Map<String, String> env;
    private final PrintWriter out;
    /** Whether this command owns the JVM (started by {@link #main}) rather than running inside an application. */
    private final boolean ownProcess;
    private DjormProject opened;
    /** The class loader this command opened over the project's classpath (null: none needed). */
    private ClassLoader userClasses;
    private ClassLoader previousContext;
    private boolean contextSwapped;

    private OrmCommand(Function<java.util.function.Consumer<String>, Migrations> project, Map<String, String> env,
                       PrintWriter out, boolean ownProcess) {
        this.project = project;
        this.env = env;
        this.out = out;
        this.ownProcess = ownProcess;
    }

    /**
     * Runs the command line against the project the settings describe, then exits with its code. Run
     * this way (the {@code orm-cli} jar), the working directory's {@code target/classes} is the project's
     * classpath unless {@code --classpath} or {@code DJORM_CLASSPATH} names one.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(execute(new OrmCommand(null, System.getenv(), out, true), out, args));
    }

    /**
     * Runs one command against the project the settings describe (see the class comment) and returns
     * its exit code.
     *
     * @param env the environment to read {@code DJORM_SETTINGS}, {@code DATABASE_URL} and
     *     {@code DJORM_INSTALLED_APPS} from
     */
    public static int run(PrintWriter out, Map<String, String> env, String... args) {
        return execute(new OrmCommand(null, env, out, false), out, args);
    }

    /**
     * Runs one command and returns its exit code (0 success, 1 for {@code makemigrations --check} with
     * pending changes or any error, 2 for bad usage).
     *
     * @param project builds the project given where progress lines go
     * @param args the command line, such as {@code migrate shop 0002}
     */
    public static int run(Function<java.util.function.Consumer<String>, Migrations> project, PrintWriter out, String... args) {
        return execute(new OrmCommand(project, Map.of(), out, false), out, args);
    }

    private static int execute(OrmCommand command, PrintWriter out, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(out);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(System.console() != null, command.env)));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            out.println(ERROR_PREFIX + e.getMessage());
            out.flush();
            return 1;
        });
        try {
            return cli.execute(args);
        } finally {
            if (command.opened != null) command.opened.close();
            command.closeUserClasses();
            out.flush();
        }
    }

    /** Colours only on a terminal, and never with {@code NO_COLOR} set (https://no-color.org). */
    static CommandLine.Help.Ansi ansi(boolean terminal, Map<String, String> env) {
        return terminal && !env.containsKey("NO_COLOR") ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF;
    }

    private Migrations project() {
        java.util.function.Consumer<String> lines = line -> {
            out.println(line);
            out.flush();
        };
        if (project != null) return project.apply(lines);
        if (opened == null) {
            Thread thread = Thread.currentThread();
            ClassLoader parent = thread.getContextClassLoader() != null ? thread.getContextClassLoader()
                    : OrmCommand.class.getClassLoader();
            String spec = classpath != null ? classpath : env.get("DJORM_CLASSPATH");
            previousContext = thread.getContextClassLoader();
            boolean named = spec != null && !spec.isBlank();
            // Inside an application the classes are already there; only the jar's own JVM needs the default.
            List<Path> entries = named || ownProcess ? UserClasspath.entries(spec, Path.of("")) : List.of();
            ClassLoader loader = UserClasspath.loader(entries, parent);
            if (loader != parent) userClasses = loader;
            // The model scan and the migrations' RunJava classes look in the context class loader.
            thread.setContextClassLoader(loader);
            contextSwapped = true;
            Map<String, Object> loaded = new SettingsLoader(env, loader).load(settings);
            opened = new DjormProject(loaded, database, migrationsDirectory, lines);
        }
        return opened.migrations();
    }

    private void closeUserClasses() {
        if (!contextSwapped) return;
        Thread.currentThread().setContextClassLoader(previousContext);
        if (userClasses instanceof java.net.URLClassLoader own) {
            try {
                own.close();
            } catch (IOException e) {
                out.println("Warning: cannot close the project's class loader: " + e.getMessage());
            }
        }
    }

    /** {@code makemigrations [app...] [--name] [--check] [--dry-run] [--empty] [--merge] [--rename a=b] [--no-rename]}. */
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
        @Option(names = "--merge", description = "join conflicting leaf migrations with a merge migration") boolean merge;

        @Override
        public Integer call() {
            if (merge) return merge();
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

        private Integer merge() {
            List<Migrations.Made> made = parent.project().mergeMigrations(new LinkedHashSet<>(apps), name, dryRun);
            if (made.isEmpty()) {
                parent.out.println("No conflicts detected to merge.");
                return 0;
            }
            for (Migrations.Made m : made) {
                m.descriptions().forEach(d -> parent.out.println("  " + d));
                parent.out.println((dryRun ? "Merge migration that would be written: " : "Created new merge migration ") + m.file());
            }
            return 0;
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
            List<String> sql = parent.project().sqlMigrate(app, name, backwards);
            parent.out.println("BEGIN;");
            sql.forEach(s -> parent.out.println(s + ";"));
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

    /** {@code inspectdb [--app label] [--package name] [--output dir]}. */
    @Command(name = "inspectdb", description = "Print (or write) model classes for the database's existing tables.")
    static final class InspectDb implements Callable<Integer> {
        @CommandLine.ParentCommand OrmCommand parent;
        @Option(names = "--app", defaultValue = "legacy", description = "app label of the models (default: ${DEFAULT-VALUE})")
        String app;
        @Option(names = "--package", defaultValue = "com.example.legacy",
                description = "package of the classes (default: ${DEFAULT-VALUE})")
        String packageName;
        @Option(names = "--output", description = "write one .java file per model into this directory") Path output;

        @Override
        public Integer call() throws IOException {
            Map<String, String> sources = parent.project().inspectDb(app, packageName);
            if (sources.isEmpty()) parent.out.println("// The database has no tables to inspect.");
            for (Map.Entry<String, String> e : sources.entrySet()) {
                if (output == null) {
                    parent.out.println("// " + e.getKey() + ".java");
                    parent.out.print(e.getValue());
                    parent.out.println();
                } else {
                    Files.createDirectories(output);
                    Path file = output.resolve(e.getKey() + ".java");
                    Files.writeString(file, e.getValue());
                    parent.out.println("Wrote " + file);
                }
            }
            return 0;
        }
    }
}
