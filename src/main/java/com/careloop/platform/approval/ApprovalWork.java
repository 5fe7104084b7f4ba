package com.careloop.platform.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.stereotype.Component;

/** "Approvals waiting for me" on the home page: urgent when one is due today or overdue. */
@Component
class ApprovalWork implements WorkSource {

    private final ApprovalInbox inbox;
    private final Clock clock;
    private final ZoneId zone;

    ApprovalWork(ApprovalInbox inbox, Clock clock, CareLoopProperties properties) {
        this.inbox = inbox;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long[] c = inbox.counts(me.id(), today.plusDays(1).atStartOfDay(zone).toInstant());
        return c[0] == 0 ? List.of() : List.of(new WorkCount("approvals", c[0], c[1] > 0, "/approvals"));
    }
}
