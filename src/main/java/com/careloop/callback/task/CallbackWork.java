package com.careloop.callback.task;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.callback.CallbackPermissions;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** "My work" of the callbacks: my open callback tasks, those due today and the overdue ones, in one query. */
@Component
@Transactional(readOnly = true)
public class CallbackWork implements WorkSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    CallbackWork(JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(CallbackPermissions.VIEW)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long[] c = jdbc.sql("""
                select count(*), coalesce(sum(case when due_date = :today then 1 else 0 end), 0),
                       coalesce(sum(case when due_date < :today then 1 else 0 end), 0)
                from callback_task where status = 'OPEN' and assignee_id = :me""")
                .param("today", today).param("me", me.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return List.of(
                new WorkCount("callback.myOpen", c[0], false, link("MINE", null)),
                new WorkCount("callback.dueToday", c[1], c[1] > 0, link("TODAY", me.id())),
                new WorkCount("callback.overdue", c[2], c[2] > 0, link("OVERDUE", me.id())));
    }

    private static String link(String tab, Long assignee) {
        var link = UriComponentsBuilder.fromPath(CallbackFigures.DESK).queryParam("tab", tab);
        return (assignee == null ? link : link.queryParam("assigneeId", assignee)).toUriString();
    }
}
