package io.djorm.maven.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:squashmigrations} (Django: {@code manage.py squashmigrations app [start] end}): writes one
 * migration that replaces an app's migrations up to {@code migration}. Compiles the project first.
 */
@Mojo(name = "squashmigrations", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class SquashMigrationsMojo extends DjormMojo {
    /** The app label. */
    @Parameter(property = "djorm.app", required = true)
    private String app;

    /** The first migration squashed (name or unique prefix); unset: the app's first. */
    @Parameter(property = "djorm.startMigration")
    private String startMigration;

    /** The last migration squashed (name or unique prefix). */
    @Parameter(property = "djorm.migration", required = true)
    private String migration;

    /** The name part of the squashed migration ({@code --squashed-name}). */
    @Parameter(property = "djorm.squashedName")
    private String squashedName;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("squashmigrations"));
        option(args, "--squashed-name", squashedName);
        args.add(app);
        if (startMigration != null && !startMigration.isBlank()) args.add(startMigration);
        args.add(migration);
        return args;
    }
}
