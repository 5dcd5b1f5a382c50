package io.djorm.libsql.internal.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.djorm.core.OperationalError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a replica file remembers beside itself ({@code <db>.djorm-replica.json}): which primary it
 * mirrors and at which revision. Never a token.
 *
 * @param primaryUrl the primary's URL, as {@link SyncSource#displayUrl()} renders it
 * @param revision the primary's revision the file holds; empty before the first pull
 */
record ReplicaMetadata(String primaryUrl, String revision) {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same replica at another revision. */
    ReplicaMetadata withRevision(String newRevision) {
        return new ReplicaMetadata(primaryUrl, newRevision);
    }

    /** Reads the metadata file, or empty when there is none. */
    static Optional<ReplicaMetadata> load(Path file) {
        if (!Files.exists(file)) return Optional.empty();
        try {
            JsonNode node = JSON.readTree(file.toFile());
            JsonNode url = node == null ? null : node.get("primaryUrl");
            JsonNode revision = node == null ? null : node.get("revision");
            if (url == null || !url.isTextual() || revision == null || !revision.isTextual()) {
                throw unreadable(file, "primaryUrl or revision is missing", null);
            }
            return Optional.of(new ReplicaMetadata(url.asText(), revision.asText()));
        } catch (IOException e) {
            throw unreadable(file, e.getMessage(), e);
        }
    }

    /** Replaces the metadata file atomically and durably. */
    void save(Path file) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("primaryUrl", primaryUrl);
        node.put("revision", revision);
        Durable.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    private static OperationalError unreadable(Path file, String detail, Throwable cause) {
        return new OperationalError("The replica metadata " + file + " cannot be read (" + detail + "). Delete it "
                + "together with the replica file beside it; the next open pulls a fresh copy from the primary.", cause);
    }
}
