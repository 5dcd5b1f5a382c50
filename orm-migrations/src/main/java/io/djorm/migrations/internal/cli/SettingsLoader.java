package io.djorm.migrations.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.core.ImproperlyConfigured;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Finds the settings map the {@code orm} command configures djorm with. The source is named by
 * {@code --settings} or the {@code DJORM_SETTINGS} environment variable and is one of: a JSON file
 * (the map itself), a properties file ({@code DATABASE_URL}, {@code INSTALLED_APPS} as a comma list,
 * {@code DATABASES.<alias>.<KEY>} and {@code DATABASES.<alias>.OPTIONS.<KEY>}), or the name of a class
 * implementing {@code Supplier<Map<String, Object>>}. Without a source, {@code DATABASE_URL} and
 * {@code DJORM_INSTALLED_APPS} from the environment are used; {@code DATABASE_URL} also fills in a
 * source that names no database.
 */
public final class SettingsLoader {
    private final Map<String, String> env;
    private final ClassLoader classLoader;

    /** A loader reading the given environment and loading settings classes from {@code classLoader}. */
    public SettingsLoader(Map<String, String> env, ClassLoader classLoader) {
        this.env = env;
        this.classLoader = classLoader;
    }

    /** The settings named by {@code source} (null: the environment's {@code DJORM_SETTINGS}, then its URL). */
    public Map<String, Object> load(String source) {
        String named = source != null && !source.isBlank() ? source : env.get("DJORM_SETTINGS");
        Map<String, Object> settings = named == null || named.isBlank() ? new LinkedHashMap<>() : read(named.strip());
        String url = env.get("DATABASE_URL");
        if (!settings.containsKey("DATABASES") && !settings.containsKey("DATABASE_URL") && url != null && !url.isBlank()) {
            settings.put("DATABASE_URL", url);
        }
        String apps = env.get("DJORM_INSTALLED_APPS");
        if (!settings.containsKey("INSTALLED_APPS") && apps != null && !apps.isBlank()) {
            settings.put("INSTALLED_APPS", commaList(apps));
        }
        if (!settings.containsKey("DATABASES") && !settings.containsKey("DATABASE_URL")) {
            throw new ImproperlyConfigured("The orm command found no database settings. Pass --settings with a .json or "
                    + ".properties file or a settings class (or set DJORM_SETTINGS), or set DATABASE_URL such as "
                    + "sqlite:///db.sqlite3 and DJORM_INSTALLED_APPS=com.example.shop.");
        }
        return settings;
    }

    private Map<String, Object> read(String source) {
        if (source.endsWith(".json")) return json(Path.of(source));
        if (source.endsWith(".properties")) return properties(Path.of(source));
        return fromClass(source);
    }

    private static Map<String, Object> json(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new ImproperlyConfigured("The settings file " + file + " is not a JSON object (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImproperlyConfigured("Cannot read the settings file " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new ImproperlyConfigured("Cannot read the settings file " + file + ": " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            if (key.equals("INSTALLED_APPS")) {
                out.put(key, commaList(value));
            } else if (key.startsWith("DATABASES.")) {
                String[] path = key.split("\\.");
                if (path.length < 3) {
                    throw new ImproperlyConfigured(file + ": the key " + key + " needs an alias and a setting, such as "
                            + "DATABASES.default.ENGINE.");
                }
                Map<String, Object> node = out;
                for (int i = 0; i < path.length - 1; i++) {
                    node = (Map<String, Object>) node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
                }
                node.put(path[path.length - 1], value);
            } else {
                out.put(key, value);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fromClass(String className) {
        try {
            Class<?> c = Class.forName(className, true, classLoader);
            if (!Supplier.class.isAssignableFrom(c)) {
                throw new ImproperlyConfigured("The settings class " + className + " must implement "
                        + "java.util.function.Supplier<Map<String, Object>>.");
            }
            Object value = ((Supplier<?>) c.getDeclaredConstructor().newInstance()).get();
            if (!(value instanceof Map<?, ?> map)) {
                throw new ImproperlyConfigured("The settings class " + className + " returned "
                        + (value == null ? "null" : value.getClass().getName()) + " instead of a settings map.");
            }
            return new LinkedHashMap<>((Map<String, Object>) map);
        } catch (ClassNotFoundException e) {
            throw new ImproperlyConfigured("--settings " + className + " is neither a .json or .properties file nor a "
                    + "class on the classpath. Compile the project first (mvn compile), name its classes with --classpath"
                    + " (or DJORM_CLASSPATH) when running the orm-cli jar, or give a file path.");
        } catch (ReflectiveOperationException e) {
            throw new ImproperlyConfigured("The settings class " + className + " cannot be created (" + e
                    + "); it needs a public no-argument constructor.");
        }
    }

    private static List<String> commaList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) if (!part.isBlank()) out.add(part.strip());
        return out;
    }
}
