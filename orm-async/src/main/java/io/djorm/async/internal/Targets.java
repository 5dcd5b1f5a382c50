package io.djorm.async.internal;

/** Resolves the alias a call reads or writes to the target that runs it. */
public interface Targets {

    /** The target for an alias; raises (ImproperlyConfigured, ...) when the alias cannot be used. */
    TaskTarget forAlias(String alias);

    /** The executor the futures of an alias complete on (also when the alias cannot be used). */
    java.util.concurrent.Executor callbacks(String alias);
}
