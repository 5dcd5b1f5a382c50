package io.djorm.behaviour.parity;

/** Twin of a parity/django corpus module. */
final class RetrievalCases implements CaseSource {
    @Override
    public void define(Corpus c) {
    }
}
