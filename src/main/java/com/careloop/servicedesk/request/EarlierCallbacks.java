package com.careloop.servicedesk.request;

import java.sql.Timestamp;

import com.careloop.platform.Satisfaction;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceRequestCalledBack;
import com.careloop.servicedesk.UnsatisfiedFollowUp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Callbacks made on the request page before the one callback loop (V56) have no callback record: at start, each one
 * is published once more as {@link ServiceRequestCalledBack}, so the callback module records it (completing the
 * task its close generated, if that is still open) and links it back. A request whose latest callback has its record
 * is not touched, so after the first start this finds nothing; the recording is idempotent on the round's source
 * key, so a second node starting at the same time changes nothing twice (its loser is logged and skipped).
 */
@Component
@Order(55)
class EarlierCallbacks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EarlierCallbacks.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    EarlierCallbacks(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        var earlier = jdbc.sql("""
                select r.id, r.code, r.request_type, r.customer_id, r.customer_name, r.reopen_count,
                       r.callback_satisfaction, r.callback_notes, r.callback_by, u.display_name, r.callback_at,
                       r.turned_into_complaint_at
                from service_request r left join org_user u on u.id = r.callback_by
                where r.callback_at is not null and r.callback_satisfaction is not null and r.callback_by is not null
                  and r.callback_record_id is null
                order by r.id""").query((rs, n) -> {
            Satisfaction s = Satisfaction.valueOf(rs.getString(7));
            boolean complaint = rs.getTimestamp(12) != null;
            // a dissatisfied answer re-opened the work after it: the callback was about the round before
            int round = rs.getInt(6) + (s.unsatisfied() ? 0 : 1);
            Timestamp at = rs.getTimestamp(11);
            return new ServiceRequestCalledBack(rs.getLong(1), rs.getString(2), RequestType.valueOf(rs.getString(3)),
                    rs.getObject(4, Long.class), rs.getString(5), Math.max(1, round), s, rs.getString(8),
                    s.unsatisfied() ? (complaint ? UnsatisfiedFollowUp.COMPLAINT : UnsatisfiedFollowUp.REOPEN) : null,
                    rs.getLong(9), rs.getString(10), at.toInstant());
        }).list();
        int recorded = 0;
        for (ServiceRequestCalledBack e : earlier) {
            try {
                tx.executeWithoutResult(s -> events.publishEvent(e));
                recorded++;
            } catch (RuntimeException ex) {
                log.warn("Callback of {} before the one callback loop not recorded: {}", e.code(), ex.toString());
            }
        }
        if (recorded > 0) {
            log.info("Recorded {} callback(s) made on the request page before the one callback loop", recorded);
        }
    }
}
