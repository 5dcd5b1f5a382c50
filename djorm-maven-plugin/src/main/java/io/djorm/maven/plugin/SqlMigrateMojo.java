package io.djorm.maven.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:sqlmigrate} (Django: {@code manage.py sqlmigrate app migration}): prints the SQL of one
 * migration without running it. Compiles the project first.
 */
@Mojo(name = "sqlmigrate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class SqlMigrateMojo extends DjormMojo {
    /** The app label. */
    @Parameter(property = "djorm.app", required = true)
    private String app;

    /** The migration's name or a unique prefix of it, such as {@code 0002}. */
    @Parameter(property = "djorm.migration", required = true)
    private String migration;

    /** The SQL that unapplies it ({@code --backwards}). */
    @Parameter(property = "djorm.backwards", defaultValue = "false")
    private boolean backwards;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("sqlmigrate", app, migration));
        flag(args, backwards, "--backwards");
        return args;
    }
}
