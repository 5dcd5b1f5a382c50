package io.djorm.spring.notes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Inner transactional scopes with the propagation under test. */
@Service
public class InnerNotes {
    /** A savepoint scope that saves and fails. */
    @Transactional(propagation = Propagation.NESTED)
    public void createThenFailNested(String title) {
        Note.create(title);
        throw new IllegalStateException("failing in the nested scope");
    }

    /** A participating scope that saves and fails. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void createThenFailRequired(String title) {
        Note.create(title);
        throw new IllegalStateException("failing in the participating scope");
    }

    /** A scope that asks for its own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void createRequiresNew(String title) {
        Note.create(title);
    }
}
