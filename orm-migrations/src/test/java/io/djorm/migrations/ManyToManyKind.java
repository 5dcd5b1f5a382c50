package io.djorm.migrations;

/** A ManyToManyField kind for tests: a relation without a column. */
public class ManyToManyKind extends ForeignKeyKind {
    @Override public String internalType() { return "ManyToManyField"; }
    @Override public boolean hasColumn() { return false; }
}
