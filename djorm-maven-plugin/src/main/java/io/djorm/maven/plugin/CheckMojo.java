package io.djorm.maven.plugin;

import io.djorm.migrations.OrmCommand;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:check} (Django: {@code manage.py makemigrations --check}): fails the build when the
 * models have changes that no migration records yet. Writes nothing. Bound to {@code verify} when
 * declared in an execution; compiles the project first.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckMojo extends DjormMojo {
    /** App labels to check (comma-separated on the command line); none means every app. */
    @Parameter(property = "djorm.apps")
    private List<String> apps = new ArrayList<>();

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("makemigrations", "--check"));
        args.addAll(apps);
        return args;
    }

    @Override
    protected void failed(List<String> lines) throws MojoExecutionException, MojoFailureException {
        if (lines.stream().anyMatch(l -> l.startsWith(OrmCommand.ERROR_PREFIX))) super.failed(lines);
        // The command lists the migrations that would be written and their operations after its header line.
        List<String> changes = lines.stream().filter(l -> l.startsWith("  ")).toList();
        throw new MojoFailureException("djorm:check failed: the models have changes without a migration:\n"
                + String.join("\n", changes) + "\nRun mvn djorm:makemigrations, review the new migration files and "
                + "commit them.");
    }
}
