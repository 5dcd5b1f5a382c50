package io.djorm.libsql.replica;

import io.djorm.libsql.internal.replica.FaultInjector;
import io.djorm.libsql.internal.replica.ReplicaFile;
import io.djorm.libsql.internal.replica.SyncSource;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Opens replica files for tests. */
final class Replicas {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Replicas() {
    }

    static SyncSource source(String url) {
        return new SyncSource(HttpUrl.get(url), null, TIMEOUT);
    }

    static ReplicaFile open(Path file, String url) {
        return ReplicaFile.open(file, source(url));
    }

    static ReplicaFile open(Path file, String url, FaultInjector faults) {
        return ReplicaFile.open(file, source(url), new OkHttpClient(), faults);
    }
}
