package com.careloop.fieldservice.trip;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My field services" on the home page: the services I am on that are not reported yet (urgent when my task's
 * deadline has come), the briefings I still have to acknowledge, and the open points I own without a follow-up.
 */
@Component
@Transactional(readOnly = true)
class FieldServiceWork implements WorkSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    FieldServiceWork(JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(FieldServicePermissions.VIEW)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long[] c = jdbc.sql("""
                select count(*),
                       coalesce(sum(case when m.due_on <= :today then 1 else 0 end), 0),
                       coalesce(sum(case when f.briefed_at is not null and m.acknowledged_at is null
                                         and f.status = 'PLANNED' then 1 else 0 end), 0)
                from field_service_member m join field_service f on f.id = m.service_id
                where m.user_id = :me and f.status <> 'REPORTED'""")
                .param("today", today).param("me", me.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long points = jdbc.sql("""
                select count(*) from field_service_open_point where owner_id = :me and follow_up_kind is null""")
                .param("me", me.id()).query(Long.class).single();
        List<WorkCount> lines = new ArrayList<>();
        if (c[0] > 0) {
            lines.add(new WorkCount("fieldservice.mine", c[0], c[1] > 0, "/field-services?mine=true"));
        }
        if (c[2] > 0) {
            lines.add(new WorkCount("fieldservice.toAcknowledge", c[2], true, "/field-services?mine=true"));
        }
        if (points > 0) {
            lines.add(new WorkCount("fieldservice.openPoints", points, false, "/field-services?mine=true"));
        }
        return lines;
    }
}
