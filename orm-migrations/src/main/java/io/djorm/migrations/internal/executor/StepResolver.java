package io.djorm.migrations.internal.executor;

import io.djorm.core.FieldError;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ModelResolver;
import io.djorm.migrations.internal.state.ProjectState;

/**
 * Resolves relation targets for the schema editor from the states around the operation being run:
 * the state after it first, then the state before it (a model being deleted exists only there).
 */
final class StepResolver implements ModelResolver {
    private ProjectState before = new ProjectState();
    private ProjectState after = new ProjectState();

    void moveTo(ProjectState before, ProjectState after) {
        this.before = before;
        this.after = after;
    }

    @Override
    public ModelMeta resolve(String label) {
        try {
            return after.resolve(label);
        } catch (FieldError e) {
            return before.resolve(label);
        }
    }
}
