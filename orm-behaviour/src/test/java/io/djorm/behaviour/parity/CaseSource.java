package io.djorm.behaviour.parity;

import java.util.List;

/** The cases of one corpus topic (the twin of one parity/django/corpus module). */
interface CaseSource {
    /** Every topic; a new topic file on the Django side gets its twin here. */
    List<CaseSource> TOPICS = List.of(new LookupCases(), new QCases(), new JoinCases(), new OrderingCases(),
            new RetrievalCases(), new AggregateCases(), new ExpressionCases(), new SubqueryCases(), new SetOpCases(),
            new WindowCases(), new RelatedCases(), new WriteCases(), new ErrorCases(), new DivergenceCases(), new ApiCases());

    /** Adds this topic's cases. */
    void define(Corpus c);
}
