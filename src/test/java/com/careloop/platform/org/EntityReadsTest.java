package com.careloop.platform.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.careloop.platform.EntityReads;
import com.careloop.support.FullStackTestBase;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * {@link EntityReads}: a page's transaction that only reads commits without writing a changed entity back, and a
 * read inside a writer's transaction leaves the writer's session as it was. The transactional methods are this
 * test's own, proxied with the application's transaction interceptor (no context of their own).
 */
class EntityReadsTest extends FullStackTestBase {

    @Autowired
    TransactionInterceptor transactions;
    @Autowired
    EntityReads entityReads;
    @Autowired
    JdbcClient jdbc;
    @PersistenceContext
    EntityManager entityManager;

    /** Transactional steps on one user; the proxy of {@link #steps()} runs each in the interceptor. */
    public class Steps {

        @Transactional
        public long create() {
            AppUser user = AppUser.create("reads-" + UUID.randomUUID(), "读取测试", "x", null, Position.STAFF, Instant.EPOCH);
            entityManager.persist(user);
            entityManager.flush();
            return user.getId();
        }

        /** A page read that then (wrongly) changes the entity it loaded. */
        @Transactional
        public void readThenChange(long id, boolean onlyReading) {
            if (onlyReading) {
                entityReads.onlyReading();
            }
            entityManager.find(AppUser.class, id).chooseLocale("en");
        }

        /** A writer whose transaction also runs a page read before it changes the entity. */
        @Transactional
        public void writeAfterARead(long id) {
            steps.readThenChange(id, true);
            entityManager.find(AppUser.class, id).chooseLocale("zh-TW");
        }
    }

    Steps steps;

    @BeforeEach
    void proxy() {
        ProxyFactory factory = new ProxyFactory(new Steps());
        factory.setProxyTargetClass(true);
        factory.addAdvice(transactions);
        steps = (Steps) factory.getProxy();
    }

    @Test
    void aReadingTransactionCommitsWithoutWritingBackWhatItsEntitiesShow() {
        long id = steps.create();
        steps.readThenChange(id, true);
        assertThat(locale(id)).as("read only: the change is not flushed").isNull();
        steps.readThenChange(id, false);
        assertThat(locale(id)).as("the same step without it writes the change (the test can fail)").isEqualTo("en");
    }

    @Test
    void aReadInsideAWritersTransactionLeavesTheWriterFlushing() {
        long id = steps.create();
        steps.writeAfterARead(id);
        assertThat(locale(id)).isEqualTo("zh-TW");
    }

    private String locale(long id) {
        return jdbc.sql("select locale from app_user where id = :id").param("id", id).query(String.class).list().get(0);
    }
}
