package io.djorm.migrations.internal.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.migrations.MigrationError;
import io.djorm.migrations.internal.operations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes migrations as JSON files ({@code <root>/<app>/<name>.json}). The output depends only on the
 * migration: keys in a fixed order, two-space indentation, LF line ends, a final newline.
 */
public final class MigrationWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MigrationWriter() {
    }

    /** The file's text. */
    public static String render(Migration m) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (m.initial()) root.put("initial", true);
        ArrayNode deps = root.putArray("dependencies");
        m.dependencies().forEach(d -> deps.addArray().add(d.app()).add(d.name()));
        if (!m.replaces().isEmpty()) {
            ArrayNode r = root.putArray("replaces");
            m.replaces().forEach(d -> r.addArray().add(d.app()).add(d.name()));
        }
        ArrayNode ops = root.putArray("operations");
        for (Operation op : m.operations()) ops.add(op.toJson());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Writes the migration under {@code root}; returns the file. */
    public static Path write(Path root, Migration m) {
        Path file = root.resolve(m.key().app()).resolve(m.key().name() + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(m), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new MigrationError("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
