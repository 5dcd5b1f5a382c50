package io.djorm.core;

import io.djorm.core.internal.ModelMetaFactory;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ModelResolver;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model registry (Django: {@code django.apps.apps}): the models of {@code INSTALLED_APPS}, found by
 * scanning their packages, plus any model class used directly. Also resolves relation targets by label.
 */
public final class Apps implements ModelResolver {
    private static final ClassValue<ModelMeta> META = new ClassValue<>() {
        @Override
        protected ModelMeta computeValue(Class<?> type) {
            return ModelMetaFactory.build(type);
        }
    };
    private final List<String> installedPackages;
    private final Map<String, ModelMeta> byLabel = new ConcurrentHashMap<>();
    /** The classes registered so far: every new QuerySet registers its model, so the repeat is one lookup. */
    private final Map<Class<?>, ModelMeta> byClass = new ConcurrentHashMap<>();

    Apps(List<String> installedPackages) {
        this.installedPackages = List.copyOf(installedPackages);
        if (!installedPackages.isEmpty()) scan();
    }

    /** The metadata of a model class (built once, cached for the life of the class). */
    public static ModelMeta meta(Class<?> modelClass) {
        return META.get(modelClass);
    }

    private void scan() {
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackages(installedPackages.toArray(String[]::new))
                .scan()) {
            for (var info : scan.getSubclasses(Model.class.getName())) {
                Class<?> cls = info.loadClass();
                if (!Modifier.isAbstract(cls.getModifiers()) && cls.getEnclosingClass() == null) register(cls);
            }
        }
    }

    /** Registers a model class (done automatically for INSTALLED_APPS and on first use) and returns its metadata. */
    public ModelMeta register(Class<?> modelClass) {
        ModelMeta known = byClass.get(modelClass);
        if (known != null) return known;
        requireInstalled(modelClass);
        ModelMeta meta = meta(modelClass);
        ModelMeta previous = byLabel.putIfAbsent(key(meta.label()), meta);
        if (previous != null && previous.javaClass() != modelClass) {
            throw new ImproperlyConfigured("Two model classes claim the label " + meta.label() + ": "
                    + previous.javaClass().getName() + " and " + modelClass.getName()
                    + ". Give one of them @Meta(appLabel = ...).");
        }
        byClass.put(modelClass, meta);
        return meta;
    }

    /**
     * With INSTALLED_APPS set, a model class outside its packages is refused (Django: "Model class ...
     * isn't in an application in INSTALLED_APPS"): migrations would not see it and its table would be
     * missing. Without INSTALLED_APPS (scripts, tests) every model class used is registered.
     */
    private void requireInstalled(Class<?> modelClass) {
        if (installedPackages.isEmpty() || isInstalled(modelClass)) return;
        throw new ImproperlyConfigured("Model class " + modelClass.getName() + " isn't in an application in"
                + " INSTALLED_APPS " + installedPackages + ". Add its package (" + modelClass.getPackageName()
                + ") to INSTALLED_APPS, so that queries and makemigrations both know it.");
    }

    private boolean isInstalled(Class<?> modelClass) {
        String pkg = modelClass.getPackageName();
        for (String app : installedPackages) {
            if (pkg.equals(app) || pkg.startsWith(app + ".")) return true;
        }
        return false;
    }

    /** The packages named in INSTALLED_APPS. */
    public List<String> installedPackages() {
        return installedPackages;
    }

    /**
     * How many models are registered. Models are only ever added, so a changed count is how indexes
     * derived from the registry (such as the reverse relations) know to rebuild, without copying it.
     */
    public int modelCount() {
        return byLabel.size();
    }

    /** Every registered model, sorted by label. */
    public List<ModelMeta> models() {
        List<ModelMeta> all = new ArrayList<>(byLabel.values());
        all.sort(java.util.Comparator.comparing(ModelMeta::label));
        return all;
    }

    /** The models of one app label, sorted by name. */
    public List<ModelMeta> models(String appLabel) {
        return models().stream().filter(m -> m.appLabel().equals(appLabel)).toList();
    }

    /** The app labels that have models. */
    public Set<String> appLabels() {
        Set<String> labels = new TreeSet<>();
        byLabel.values().forEach(m -> labels.add(m.appLabel()));
        return labels;
    }

    /** The model with the label {@code "app.Model"} (case-insensitive), or a fully qualified class name. */
    public ModelMeta model(String label) {
        ModelMeta meta = byLabel.get(key(label));
        if (meta != null) return meta;
        try {
            Class<?> cls = Class.forName(label, true, Thread.currentThread().getContextClassLoader());
            if (Model.class.isAssignableFrom(cls)) return register(cls);
        } catch (ClassNotFoundException | NoClassDefFoundError ignored) {
            // not a class name either: report below
        }
        throw new FieldError("No model is registered as '" + label + "'. Known models: "
                + String.join(", ", byLabel.values().stream().map(ModelMeta::label).sorted().toList())
                + ". Add its package to INSTALLED_APPS or use the fully qualified class name.");
    }

    @Override
    public ModelMeta resolve(String label) {
        return model(label);
    }

    /** All registered metadata, unsorted. */
    Collection<ModelMeta> all() {
        return byLabel.values();
    }

    private static String key(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
