package io.djorm.maven.plugin;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:inspectdb} (Django: {@code manage.py inspectdb}): prints model classes for the database's
 * existing tables, or writes one {@code .java} file per model into {@link #output}. Compiles the project
 * first (a settings class may live there).
 */
@Mojo(name = "inspectdb", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class InspectDbMojo extends DjormMojo {
    /** The app label of the generated models ({@code --app}). */
    @Parameter(property = "djorm.app", defaultValue = "legacy")
    private String app;

    /** The package of the generated classes ({@code --package}). */
    @Parameter(property = "djorm.package", defaultValue = "com.example.legacy")
    private String packageName;

    /** Write the classes into this directory instead of printing them ({@code --output}). */
    @Parameter(property = "djorm.output")
    private File output;

    @Override
    protected List<String> command() {
        List<String> args = new ArrayList<>(List.of("inspectdb", "--app", app, "--package", packageName));
        if (output != null) option(args, "--output", output.getAbsolutePath());
        return args;
    }
}
