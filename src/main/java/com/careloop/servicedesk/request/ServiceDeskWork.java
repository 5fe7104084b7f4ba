package com.careloop.servicedesk.request;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;
import com.careloop.servicedesk.ServiceDeskPermissions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "My work" of the service desk on the home page: my open requests (a team leader or department head: the
 * department's queue), those due today and overdue, and at the front desk the requests waiting for dispatch. One
 * query; each line links to the queue filtered to exactly the requests it counts.
 */
@Component
@Transactional(readOnly = true)
public class ServiceDeskWork implements WorkSource {

    /** Positions that answer for their department's queue. */
    static final Set<String> LEADERS = Set.of("TEAM_LEADER", "DEPT_HEAD");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ServiceDeskWork(JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(ServiceDeskPermissions.VIEW)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean leader = LEADERS.contains(me.position()) && me.departmentId() != null;
        // mine: assigned to me, or for a leader the department's queue (the queue's departmentId filter)
        String mine = leader ? "r.department_id = :department" : "r.assignee_id = :me";
        var scope = me.scope().condition("r.department_id", "r.assignee_id", "r.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("me", me.id());
        params.put("department", me.departmentId() == null ? -1L : me.departmentId());
        params.put("now", Timestamp.from(clock.instant()));
        params.put("dueFrom", ServiceRequestQueries.midnight(today, zone));
        params.put("dueTo", ServiceRequestQueries.midnight(today.plusDays(1), zone));
        long[] c = jdbc.sql("select"
                        + " coalesce(sum(case when " + mine + " then 1 else 0 end), 0),"
                        + " coalesce(sum(case when " + mine + " and " + ServiceRequestQueries.DUE_BETWEEN + " then 1 else 0 end), 0),"
                        + " coalesce(sum(case when " + mine + " and " + ServiceRequestQueries.OVERDUE + " then 1 else 0 end), 0),"
                        + " coalesce(sum(case when r.status = 'REGISTERED' then 1 else 0 end), 0)"
                        + " from service_request r where r.status <> 'CLOSED' and " + scope.sql())
                .params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        List<WorkCount> work = new ArrayList<>();
        work.add(new WorkCount(leader ? "servicedesk.departmentOpen" : "servicedesk.myOpen", c[0], false,
                mine(me, leader).queryParam("openOn", today).toUriString()));
        work.add(new WorkCount("servicedesk.dueToday", c[1], c[1] > 0, mine(me, leader).queryParam("dueOn", today)
                .toUriString()));
        work.add(new WorkCount("servicedesk.overdue", c[2], c[2] > 0, mine(me, leader).queryParam("overdue", true)
                .toUriString()));
        if (me.can(ServiceDeskPermissions.DISPATCH)) {
            work.add(new WorkCount("servicedesk.awaitingDispatch", c[3], c[3] > 0,
                    UriComponentsBuilder.fromPath(ServiceDeskFigures.QUEUE).queryParam("tab", "unassigned").toUriString()));
        }
        return work;
    }

    private static UriComponentsBuilder mine(CurrentUser me, boolean leader) {
        var link = UriComponentsBuilder.fromPath(ServiceDeskFigures.QUEUE);
        return leader ? link.queryParam("departmentId", me.departmentId()) : link.queryParam("mine", true);
    }
}
