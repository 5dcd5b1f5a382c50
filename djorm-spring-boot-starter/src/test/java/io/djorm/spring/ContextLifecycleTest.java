package io.djorm.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.core.Transaction;
import io.djorm.spring.notes.Note;
import io.djorm.spring.notes.NotesApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * djorm's life tied to the application context, and one transaction manager per alias, on contexts this
 * class starts and closes itself (so none stays cached beside the other tests' contexts).
 */
class ContextLifecycleTest {
    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(NotesApplication.class).properties(properties).run();
    }

    private static String sqliteUrl(String file) throws IOException {
        return "sqlite:///" + Files.createTempDirectory("djorm-spring-").resolve(file).toAbsolutePath();
    }

    @Test
    void closingTheContextShutsDjormDown() throws IOException {
        ConfigurableApplicationContext context = start("djorm.databases.default.url=" + sqliteUrl("life.db"),
                "djorm.migrate-on-startup=true");
        assertThat(Djorm.isConfigured()).isTrue();
        assertThat(context.getBean(DjormRuntime.class).aliases()).containsExactly("default");
        Note.create("alive");
        context.close();
        assertThat(Djorm.isConfigured()).isFalse();
        assertThatThrownBy(() -> Note.exists("alive")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void aSecondContextWhileDjormIsConfiguredIsRefused() throws IOException {
        try (ConfigurableApplicationContext first = start("djorm.databases.default.url=" + sqliteUrl("first.db"))) {
            assertThatThrownBy(() -> start("djorm.databases.default.url=" + sqliteUrl("second.db")))
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                            .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("already configured"));
            assertThat(Djorm.isConfigured()).isTrue();
        }
        assertThat(Djorm.isConfigured()).isFalse();
    }

    @Test
    void eachAliasHasATransactionManagerQualifiedByItsName() throws IOException {
        try (ConfigurableApplicationContext context = start(
                "djorm.databases.default.url=" + sqliteUrl("main.db"),
                "djorm.databases.archive.engine=sqlite",
                "djorm.databases.archive.name=" + sqliteUrl("archive.db").substring("sqlite:///".length()))) {
            assertThat(BeanFactoryUtils.beanNamesForTypeIncludingAncestors(context, PlatformTransactionManager.class))
                    .containsExactlyInAnyOrder("transactionManager", "archiveTransactionManager");
            PlatformTransactionManager archive = BeanFactoryAnnotationUtils.qualifiedBeanOfType(
                    context.getBeanFactory(), PlatformTransactionManager.class, "archive");
            assertThat(((DjormTransactionManager) archive).getAlias()).isEqualTo("archive");
            assertThat(context.getBean(PlatformTransactionManager.class)).isSameAs(context.getBean("transactionManager"));
            boolean[] inBlocks = new TransactionTemplate(archive).execute(status -> new boolean[] {
                    Transaction.inAtomicBlock("archive"), Transaction.inAtomicBlock("default")});
            assertThat(inBlocks).containsExactly(true, false);
        }
    }
}
