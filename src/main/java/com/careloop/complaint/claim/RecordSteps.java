package com.careloop.complaint.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import com.careloop.platform.Text;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Versions;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One step of a claim, return slip or compensation, inside the caller's transaction: the version the caller
 * saw is checked (stale: 409), the step runs on the entity, and the record, its timeline row and its audit
 * entry are written together — a refused step leaves nothing behind.
 */
@Component
public class RecordSteps {

    private final AuditTrail audit;
    private final Timeline timeline;
    private final CurrentUsers users;
    private final Clock clock;

    RecordSteps(AuditTrail audit, Timeline timeline, CurrentUsers users, Clock clock) {
        this.audit = audit;
        this.timeline = timeline;
        this.users = users;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <E extends Tracked> E created(JpaRepository<E, Long> repository, E record, String kind, Text note) {
        repository.saveAndFlush(record);
        audit.created(record);
        timeline.add(record, kind, users.actorName(), now(), note);
        return record;
    }

    /** Runs {@code step} (which returns the timeline note, or null) as the step {@code kind}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <E extends Tracked> E change(JpaRepository<E, Long> repository, E record, Long version, String kind,
                                        Supplier<Text> step) {
        Versions.requireCurrentIfGiven(version, record.getVersion(), record.auditType(), record.getCode());
        Map<String, Object> before = record.auditState();
        Text note = step.get();
        record.touch(now());
        repository.saveAndFlush(record);
        audit.changed(record, kind, before);
        timeline.add(record, kind, users.actorName(), now(), note);
        return record;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public Clock clock() {
        return clock;
    }
}
