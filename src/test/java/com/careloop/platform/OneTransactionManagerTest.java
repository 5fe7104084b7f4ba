package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.support.FullStackTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * The advisor of {@code @Transactional} uses {@link OneTransactionManager}'s interceptor, which names the context's
 * one manager for an unqualified attribute without Spring's per-call look-up, and leaves a qualified one to Spring.
 */
class OneTransactionManagerTest extends FullStackTestBase {

    @Autowired
    BeanFactoryTransactionAttributeSourceAdvisor advisor;
    @Autowired
    PlatformTransactionManager manager;

    @Test
    void theTransactionalAdviceIsTheInterceptorThatKnowsTheOnlyManager() {
        assertThat(advisor.getAdvice()).isInstanceOf(OneTransactionManager.Interceptor.class);
        var interceptor = (OneTransactionManager.Interceptor) advisor.getAdvice();
        assertThat(interceptor.determineTransactionManager(new DefaultTransactionAttribute())).isSameAs(manager);
        var qualified = new DefaultTransactionAttribute();
        qualified.setQualifier("another");
        assertThat(interceptor.determineTransactionManager(qualified)).as("left to Spring").isNull();
        assertThat(interceptor.determineTransactionManager(null)).isNull();
    }

    @Test
    @Transactional
    void aTransactionalMethodRunsInATransactionOfThatManager() {
        assertThat(org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive())
                .isTrue();
        assertThat(advisor.getAdvice()).isInstanceOf(TransactionInterceptor.class);
    }
}
