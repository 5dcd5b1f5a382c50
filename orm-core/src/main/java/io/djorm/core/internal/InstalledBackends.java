package io.djorm.core.internal;

import io.djorm.core.spi.Backend;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The backends on the classpath. A tool that runs djorm in-process on an application's classpath (the
 * Maven plugin, an application server) has djorm's own classes in one class loader and the
 * application's backends in a child one that it sets as the thread's context class loader, so both
 * loaders are asked: the context loader first, then djorm's own; a backend class seen twice counts once.
 */
public final class InstalledBackends {
    private InstalledBackends() {
    }

    /** Every backend found, in discovery order. */
    public static List<Backend> all() {
        List<Backend> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ClassLoader own = Backend.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : context != null && context != own ? List.of(context, own) : List.of(own)) {
            for (Backend b : ServiceLoader.load(Backend.class, loader)) {
                if (seen.add(b.getClass().getName())) out.add(b);
            }
        }
        return out;
    }
}
