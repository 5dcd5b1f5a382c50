package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.Signals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** preSave, postSave, preDelete, postDelete (issue 2, point 8). */
class SignalsTest extends BehaviourTest {
    private final List<Runnable> disconnects = new ArrayList<>();

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @AfterEach
    void disconnect() {
        disconnects.forEach(Runnable::run);
    }

    @Test
    void saveSignalsTellInsertFromUpdate() {
        List<String> events = new ArrayList<>();
        disconnects.add(Signals.PRE_SAVE.connect(Book.class, e -> events.add("pre " + ((Book) e.instance()).title
                + " pk=" + e.instance().pk())));
        disconnects.add(Signals.POST_SAVE.connect(Book.class, e -> events.add("post created=" + e.created()
                + " pk?" + (e.instance().pk() != null) + " fields=" + e.updateFields())));
        Book b = Book.titled("Signal");
        b.save();
        b.pages = 3;
        b.save("pages");
        assertThat(events).containsExactly("pre Signal pk=null", "post created=true pk?true fields=null",
                "pre Signal pk=" + b.pk(), "post created=false pk?true fields=[pages]");
    }

    @Test
    void deleteSignalsFireForInstanceAndQuerySetDeletes() {
        List<String> events = new ArrayList<>();
        disconnects.add(Signals.PRE_DELETE.connect(Book.class, e -> events.add("pre " + ((Book) e.instance()).title)));
        disconnects.add(Signals.POST_DELETE.connect(e -> events.add("post " + e.sender().getSimpleName())));
        Book.objects().create("title", "One");
        Book.objects().create("title", "Two");
        Book one = Book.objects().get("title", "One");
        assertThat(one.delete().total()).isEqualTo(1);
        assertThat(one.pk()).isNull();
        assertThat(Book.objects().all().delete().perModel()).containsEntry("shop.Book", 1L);
        assertThat(events).containsExactly("pre One", "post Book", "pre Two", "post Book");
    }

    @Test
    void listenersForOtherSendersDoNotFire() {
        List<String> events = new ArrayList<>();
        disconnects.add(Signals.POST_SAVE.connect(Author.class, e -> events.add("author")));
        Book.objects().create("title", "Quiet");
        assertThat(events).isEmpty();
        Author.objects().create("name", "Loud");
        assertThat(events).containsExactly("author");
    }
}
