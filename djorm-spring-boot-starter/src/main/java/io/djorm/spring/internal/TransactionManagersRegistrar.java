package io.djorm.spring.internal;

import io.djorm.core.Djorm;
import io.djorm.spring.DjormProperties;
import io.djorm.spring.DjormTransactionManager;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link DjormTransactionManager} per alias of {@code djorm.databases}: the bean
 * {@code transactionManager} (primary) for {@code default}, {@code <alias>TransactionManager} for the
 * others, each qualified by its alias. A bean the application already defines under that name wins.
 */
public final class TransactionManagersRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Map<String, DjormProperties.Database> databases = Binder.get(environment)
                .bind("djorm.databases", Bindable.mapOf(String.class, DjormProperties.Database.class))
                .orElse(Map.of());
        for (String alias : DjormSettings.aliases(databases)) {
            String name = beanName(alias);
            if (registry.containsBeanDefinition(name)) continue;
            RootBeanDefinition definition = new RootBeanDefinition(DjormTransactionManager.class);
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, alias);
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, alias));
            definition.setPrimary(alias.equals(Djorm.DEFAULT_DB_ALIAS));
            definition.setDependsOn("djormRuntime");
            registry.registerBeanDefinition(name, definition);
        }
    }

    /** The bean name of an alias's transaction manager. */
    public static String beanName(String alias) {
        return alias.equals(Djorm.DEFAULT_DB_ALIAS) ? "transactionManager" : alias + "TransactionManager";
    }
}
