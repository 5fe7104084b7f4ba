package com.careloop.fieldservice.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** "My visit actions" on the home page: the open actions I own; urgent when one is due today or overdue. */
@Component
@Transactional(readOnly = true)
class VisitWork implements WorkSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CareLoopProperties platform;

    VisitWork(JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.platform = platform;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        long[] c = jdbc.sql("""
                select count(*), coalesce(sum(case when due_on <= :today then 1 else 0 end), 0)
                from visit_report_action where owner_id = :me and done_at is null""")
                .param("me", me.id()).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return c[0] == 0 ? List.of()
                : List.of(new WorkCount("fieldhistory.visitActions", c[0], c[1] > 0, "/visit-reports/my-actions"));
    }
}
