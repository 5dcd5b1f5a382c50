package io.djorm.maven.plugin;

import java.util.List;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code djorm:showmigrations} (Django: {@code manage.py showmigrations}): lists every app's migrations,
 * {@code [X]} for those applied on the database. Compiles the project first.
 */
@Mojo(name = "showmigrations", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public class ShowMigrationsMojo extends DjormMojo {
    @Override
    protected List<String> command() {
        return List.of("showmigrations");
    }
}
