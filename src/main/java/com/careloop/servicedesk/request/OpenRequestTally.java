package com.careloop.servicedesk.request;

import javax.sql.DataSource;

import com.careloop.platform.TallyLock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open requests counted per group (status, department, assignee, registrar, key customer) on PostgreSQL (V160):
 * a trigger appends +1/-1 delta rows, {@link #GROUPS} sums them per group, and the job folds the deltas into one
 * row per group every few minutes so that sum stays short. A fold and a {@link #rebuild} are each one statement (one
 * snapshot): a delta committed after it began is neither deleted nor counted, so it stays and still applies. They
 * exclude each other with a transaction-level advisory lock (two deleting the same deltas would count them twice);
 * registrations never wait for either.
 */
@Component
public class OpenRequestTally {

    /** The open groups with their count {@code n}, as a subquery aliased {@code r} with the request's column names. */
    static final String GROUPS = """
            (select status, department_id, assignee_id, registered_by, key_customer, sum(delta) n
             from service_request_open_tally group by status, department_id, assignee_id, registered_by, key_customer
             having sum(delta) <> 0) r""";

    private static final String COLUMNS = "status, department_id, assignee_id, registered_by, key_customer";
    /** The advisory lock key of the folds and rebuilds ('tally' in ASCII). */
    private static final long LOCK = 0x74616c6c79L;

    private final TallyLock lock;

    OpenRequestTally(JdbcClient jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.lock = new TallyLock(jdbc, transactions, dataSource, LOCK);
    }

    /** Whether the tally is kept (PostgreSQL); elsewhere the counters count the requests. */
    public boolean kept() {
        return lock.kept();
    }

    /** The periodic fold, on one node at a time. */
    @Scheduled(fixedDelayString = "${careloop.servicedesk.tally-fold-interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "open-request-tally-fold", lockAtMostFor = "PT10M")
    void scheduledFold() {
        fold();
    }

    /** Folds the deltas into one row per group; returns the rows written (0 when the tally is not kept). */
    public int fold() {
        return lock.run("with folded as (delete from service_request_open_tally returning " + COLUMNS + ", delta)"
                + " insert into service_request_open_tally (" + COLUMNS + ", delta) select " + COLUMNS
                + ", sum(delta) from folded group by " + COLUMNS + " having sum(delta) <> 0");
    }

    /** Replaces the tally by a direct count of the open requests (e.g. after a bulk load with the trigger off). */
    public int rebuild() {
        return lock.run("with gone as (delete from service_request_open_tally returning id)"
                + " insert into service_request_open_tally (" + COLUMNS + ", delta) select " + COLUMNS
                + ", count(*) from service_request where status <> 'CLOSED' group by " + COLUMNS);
    }

}
