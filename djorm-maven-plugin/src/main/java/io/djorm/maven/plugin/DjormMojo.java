package io.djorm.maven.plugin;

import io.djorm.maven.plugin.internal.LogWriter;
import io.djorm.maven.plugin.internal.ProjectClassLoader;
import io.djorm.migrations.OrmCommand;
import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every djorm goal shares: it runs one {@code orm} command ({@link OrmCommand}) in-process, with the
 * project's compile classpath as the context class loader, reading the same settings as the command
 * line. Each parameter can also be given as {@code -Ddjorm.<name>}.
 */
public abstract class DjormMojo extends AbstractMojo {
    /** The project whose classpath, models and migrations the goal works on. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * The settings (the CLI's {@code --settings}): a {@code .json} or {@code .properties} file (relative
     * to the project directory) or the name of a {@code Supplier<Map<String, Object>>} class of the
     * project. Unset: the {@code DJORM_SETTINGS} environment variable, then {@link #databaseUrl}.
     */
    @Parameter(property = "djorm.settings")
    protected String settings;

    /**
     * The database as a URL, such as {@code sqlite:///${project.build.directory}/db.sqlite3} (the
     * {@code DATABASE_URL} environment variable, which it replaces); used when the settings name no database.
     */
    @Parameter(property = "djorm.databaseUrl")
    protected String databaseUrl;

    /**
     * The model packages, comma-separated (the {@code DJORM_INSTALLED_APPS} environment variable, which
     * it replaces); used when the settings name no {@code INSTALLED_APPS}.
     */
    @Parameter(property = "djorm.installedApps")
    protected String installedApps;

    /** The database alias to work on (the CLI's {@code --database}). */
    @Parameter(property = "djorm.database", defaultValue = "default")
    protected String database;

    /** Where migrations are written and read first (the CLI's {@code --migrations}). */
    @Parameter(property = "djorm.migrations", defaultValue = "${project.basedir}/src/main/resources/migrations")
    protected File migrations;

    /** Skips the goal. */
    @Parameter(property = "djorm.skip", defaultValue = "false")
    protected boolean skip;

    /** The subcommand and its arguments, such as {@code migrate shop 0002}. */
    protected abstract List<String> command();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping djorm (djorm.skip)");
            return;
        }
        List<String> command = command();
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--database", database, "--migrations", migrations.getAbsolutePath()));
        if (settings != null && !settings.isBlank()) args.addAll(List.of("--settings", settingsSource()));
        LogWriter log = new LogWriter(getLog()::info);
        int code;
        try (PrintWriter out = new PrintWriter(log)) {
            code = ProjectClassLoader.call(classpath(), getClass().getClassLoader(),
                    () -> OrmCommand.run(out, environment(), args.toArray(String[]::new)));
        }
        if (code != 0) failed(log.lines());
    }

    /**
     * Turns a non-zero exit into the goal's failure; the default reports the command's error.
     *
     * @param lines everything the command printed
     */
    protected void failed(List<String> lines) throws MojoExecutionException, MojoFailureException {
        String goal = "djorm:" + command().get(0);
        for (String line : lines) {
            if (line.startsWith(OrmCommand.ERROR_PREFIX)) {
                throw new MojoExecutionException(goal + " failed: " + line.substring(OrmCommand.ERROR_PREFIX.length()));
            }
        }
        throw new MojoExecutionException(goal + " was given arguments the orm command does not accept:\n"
                + String.join("\n", lines));
    }

    /** A settings file relative to the project directory rather than to where Maven was started. */
    private String settingsSource() {
        String source = settings.strip();
        if (!source.endsWith(".json") && !source.endsWith(".properties")) return source;
        File file = new File(source);
        return (file.isAbsolute() ? file : new File(project.getBasedir(), source)).getAbsolutePath();
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (databaseUrl != null && !databaseUrl.isBlank()) env.put("DATABASE_URL", databaseUrl.strip());
        if (installedApps != null && !installedApps.isBlank()) env.put("DJORM_INSTALLED_APPS", installedApps.strip());
        return env;
    }

    private List<String> classpath() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The compile classpath of " + project.getId() + " is not resolved: "
                    + e.getMessage(), e);
        }
    }

    /** Adds {@code option} to {@code args} when {@code on}. */
    static void flag(List<String> args, boolean on, String option) {
        if (on) args.add(option);
    }

    /** Adds {@code option value} to {@code args} when the value is set. */
    static void option(List<String> args, String option, Object value) {
        if (value != null && !value.toString().isBlank()) args.addAll(List.of(option, value.toString()));
    }
}
