package io.djorm.maven.plugin;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:migrate} (Django: {@code manage.py migrate [app] [migration]}): applies (or, towards an
 * older target, unapplies) migrations on the database. Compiles the project first.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class MigrateMojo extends DjormMojo {
    /** Only this app; unset: every app to its latest migration. */
    @Parameter(property = "djorm.app")
    private String app;

    /** The app's target migration (a unique name prefix, or {@code zero}); unset: its latest. */
    @Parameter(property = "djorm.target")
    private String target;

    /** Show the steps without running them ({@code --plan}). */
    @Parameter(property = "djorm.plan", defaultValue = "false")
    private boolean plan;

    /** Record the migrations as (un)applied without running them ({@code --fake}). */
    @Parameter(property = "djorm.fake", defaultValue = "false")
    private boolean fake;

    /** Fake initial migrations whose tables already exist ({@code --fake-initial}). */
    @Parameter(property = "djorm.fakeInitial", defaultValue = "false")
    private boolean fakeInitial;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("migrate"));
        flag(args, plan, "--plan");
        flag(args, fake, "--fake");
        flag(args, fakeInitial, "--fake-initial");
        if (app != null && !app.isBlank()) {
            args.add(app);
            if (target != null && !target.isBlank()) args.add(target);
        }
        return args;
    }
}
