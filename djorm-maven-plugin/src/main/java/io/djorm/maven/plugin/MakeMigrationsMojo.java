package io.djorm.maven.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:makemigrations} (Django: {@code manage.py makemigrations}): writes migrations for the
 * model changes into {@code src/main/resources/migrations/<app>/}. Compiles the project first.
 */
@Mojo(name = "makemigrations", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class MakeMigrationsMojo extends DjormMojo {
    /** App labels to look at (comma-separated on the command line); none means every app. */
    @Parameter(property = "djorm.apps")
    private List<String> apps = new ArrayList<>();

    /** The name part of the new migrations ({@code --name}). */
    @Parameter(property = "djorm.name")
    private String name;

    /** Only show what would be written ({@code --dry-run}). */
    @Parameter(property = "djorm.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Write an empty migration for each app ({@code --empty}). */
    @Parameter(property = "djorm.empty", defaultValue = "false")
    private boolean empty;

    /** Confirmed renames, {@code app.Model.old=new} or {@code app.Old=New} ({@code --rename}). */
    @Parameter(property = "djorm.renames")
    private List<String> renames = new ArrayList<>();

    /** Record unconfirmed renames as a removal and an addition ({@code --no-rename}). */
    @Parameter(property = "djorm.noRename", defaultValue = "false")
    private boolean noRename;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("makemigrations"));
        option(args, "--name", name);
        flag(args, dryRun, "--dry-run");
        flag(args, empty, "--empty");
        flag(args, noRename, "--no-rename");
        renames.forEach(r -> option(args, "--rename", r));
        args.addAll(apps);
        return args;
    }
}
