package com.careloop.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For a page that loads entities only to show them, in a transaction that may still write with SQL (an audit entry
 * of a sensitive view, which a read-only transaction on PostgreSQL would refuse): the entities the transaction loads
 * from now on are read-only (Hibernate keeps no copy of their state for dirty checking) and it commits without a
 * flush (at commit, the flush walked the request, its two collections and their cascades: 4.2 % of the CPU samples
 * of an authenticated read, docs/BENCHMARKS.md). Only in a transaction the caller's own method began: a page read
 * inside a writer's transaction changes nothing of the writer's session.
 */
@Component
public class EntityReads {

    @PersistenceContext
    private EntityManager entityManager;

    /** The current transaction's session reads only, if the calling {@code @Transactional} method began it. */
    public void onlyReading() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionAspectSupport.currentTransactionStatus().isNewTransaction()) {
            Session session = entityManager.unwrap(Session.class);
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
        }
    }
}
