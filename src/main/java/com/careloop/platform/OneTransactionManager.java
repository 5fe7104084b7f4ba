package com.careloop.platform;

import java.util.Optional;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Spring Framework 7.0's {@link TransactionInterceptor} looks for a {@code @Qualifier} on the target class at every
 * call of a {@code @Transactional} method (an annotation scan each time; 2.7 % of the CPU samples of an
 * authenticated read, docs/BENCHMARKS.md). With one transaction manager in the context, every lookup ends at that
 * manager whatever the qualifier says (a qualifier no manager carries falls back to the default), so the
 * interceptor here answers it at once for a transaction attribute without its own qualifier. With more than one
 * manager, or a qualified attribute, Spring decides as before.
 */
@Configuration(proxyBeanMethods = false)
class OneTransactionManager {

    /** Spring's bean name of the interceptor behind {@code @Transactional} (ProxyTransactionManagementConfiguration). */
    static final String INTERCEPTOR = "transactionInterceptor";

    /**
     * Replaces the definition of Spring's interceptor with {@link Interceptor} on the same attribute source, before
     * any bean is created (the transaction advisor is created early, while the post-processors are registered).
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor oneTransactionManagerInterceptor() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
                if (!registry.containsBeanDefinition(INTERCEPTOR)) {
                    return;
                }
                BeanDefinition spring = registry.getBeanDefinition(INTERCEPTOR);
                RootBeanDefinition ours = new RootBeanDefinition(Interceptor.class);
                ours.setRole(spring.getRole());
                ours.getPropertyValues().add("transactionAttributeSource",
                        new RuntimeBeanReference("transactionAttributeSource"));
                registry.removeBeanDefinition(INTERCEPTOR);
                registry.registerBeanDefinition(INTERCEPTOR, ours);
            }
        };
    }

    static final class Interceptor extends TransactionInterceptor {

        /** The context's only manager; {@link Optional#empty()} once more than one was found. */
        private volatile Optional<TransactionManager> only;

        @Override
        protected TransactionManager determineTransactionManager(TransactionAttribute attribute) {
            if (attribute == null || StringUtils.hasText(attribute.getQualifier())) {
                return null; // Spring's own look-up
            }
            Optional<TransactionManager> manager = only;
            if (manager == null) {
                String[] names = getBeanFactory() instanceof ListableBeanFactory beans
                        ? beans.getBeanNamesForType(TransactionManager.class) : new String[0];
                manager = names.length == 1 ? Optional.of(getBeanFactory().getBean(names[0], TransactionManager.class))
                        : Optional.empty();
                only = manager;
            }
            return manager.orElse(null);
        }
    }
}
