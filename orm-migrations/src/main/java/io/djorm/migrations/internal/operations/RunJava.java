package io.djorm.migrations.internal.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.MigrationCode;
import io.djorm.migrations.MigrationError;
import io.djorm.migrations.internal.executor.SchemaOps;
import io.djorm.migrations.internal.state.ProjectState;

/**
 * Runs a user class implementing {@link MigrationCode} (Django: {@code RunPython}), inside the
 * migration's transaction. When only rendering SQL it runs nothing.
 */
public record RunJava(String className) implements Operation {
    @Override public void stateForwards(String app, ProjectState state) {
    }

    @Override public void databaseForwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        if (!ops.renderOnly()) code().forwards(ops.connection());
    }

    @Override public void databaseBackwards(String app, SchemaOps ops, ProjectState before, ProjectState after) {
        if (!ops.renderOnly()) code().backwards(ops.connection());
    }

    @Override public boolean reversible() { return code().reversible(); }

    /** Loads and instantiates the class, with errors that say what is wrong with it. */
    public MigrationCode code() {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(className, true, loader != null ? loader : RunJava.class.getClassLoader());
            if (!MigrationCode.class.isAssignableFrom(c)) {
                throw new MigrationError("RunJava class " + className + " does not implement " + MigrationCode.class.getName() + ".");
            }
            return (MigrationCode) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new MigrationError("RunJava class " + className + " cannot be created (" + e + "); it must be on the "
                    + "classpath with a public no-argument constructor.", e);
        }
    }

    @Override public String describe() { return "Run Java code " + className; }

    @Override public String nameFragment() { return "run_java"; }

    @Override public ObjectNode toJson() { return Json.op("RunJava").put("class", className); }
}
