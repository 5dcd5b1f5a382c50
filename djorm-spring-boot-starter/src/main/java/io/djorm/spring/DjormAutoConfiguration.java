package io.djorm.spring;

import io.djorm.spring.internal.DjormSettings;
import io.djorm.spring.internal.StartupMigrations;
import io.djorm.spring.internal.TransactionManagersRegistrar;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Configures djorm from the {@code djorm.*} properties ({@link DjormProperties}): the {@link DjormRuntime}
 * that owns djorm for the context's lifetime, and one {@link DjormTransactionManager} per alias so that
 * {@code @Transactional} runs through djorm's atomic blocks.
 */
@AutoConfiguration(before = TransactionAutoConfiguration.class,
        beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@EnableConfigurationProperties(DjormProperties.class)
@Import(TransactionManagersRegistrar.class)
public class DjormAutoConfiguration {
    /**
     * djorm configured from the properties; {@code INSTALLED_APPS} defaults to the application's
     * auto-configuration packages.
     */
    @Bean
    public DjormRuntime djormRuntime(DjormProperties properties, BeanFactory beanFactory, ResourceLoader resources) {
        List<String> defaultApps = AutoConfigurationPackages.has(beanFactory)
                ? AutoConfigurationPackages.get(beanFactory) : List.of();
        StartupMigrations migrations = properties.isMigrateOnStartup()
                ? new StartupMigrations(Path.of(properties.getMigrations().getDirectory()),
                        properties.getMigrations().getDatabases(), resources.getClassLoader())
                : null;
        return new DjormRuntime(DjormSettings.of(properties, defaultApps), migrations);
    }
}
