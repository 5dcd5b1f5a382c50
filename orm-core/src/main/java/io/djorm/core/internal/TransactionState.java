package io.djorm.core.internal;

import java.util.ArrayList;
import java.util.List;

/** The atomic blocks a thread has open on one alias: their depth, savepoints and on-commit hooks. */
public final class TransactionState {
    private int depth;
    private int savepointCounter;
    private final List<String> savepoints = new ArrayList<>();
    private final List<Hook> hooks = new ArrayList<>();

    private record Hook(int depth, Runnable action) {
    }

    /** How many atomic blocks are open. */
    public int depth() {
        return depth;
    }

    /** Whether at least one atomic block is open. */
    public boolean active() {
        return depth > 0;
    }

    /** Enters a block; returns the savepoint name for a nested block, null for the outermost. */
    public String enter() {
        depth++;
        if (depth == 1) return null;
        String name = "djorm_sp_" + (++savepointCounter);
        savepoints.add(name);
        return name;
    }

    /** Leaves the innermost block; its savepoint's hooks are dropped when it rolled back. */
    public void leave(boolean committed) {
        if (!committed) hooks.removeIf(h -> h.depth >= depth);
        else for (int i = 0; i < hooks.size(); i++) {
            Hook h = hooks.get(i);
            if (h.depth == depth && depth > 1) hooks.set(i, new Hook(depth - 1, h.action));
        }
        if (depth > 1) savepoints.remove(savepoints.size() - 1);
        depth--;
        if (depth == 0) savepointCounter = 0;
    }

    /** Registers an action for after the outermost commit. */
    public void onCommit(Runnable action) {
        hooks.add(new Hook(depth, action));
    }

    /** Takes the hooks to run after the outermost commit. */
    public List<Runnable> drainHooks() {
        if (hooks.isEmpty()) return List.of();
        List<Runnable> out = hooks.stream().map(Hook::action).toList();
        hooks.clear();
        return out;
    }
}
