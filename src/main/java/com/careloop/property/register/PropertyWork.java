package com.careloop.property.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;
import com.careloop.property.PropertyPermissions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My work" of the register: the open inspection tasks of my department (those who may inspect) and the overdue
 * ones, the hand-overs waiting for my department's signature, and the copies of customer documents my department is to
 * confirm (received, or returned/destroyed once the revision is superseded or withdrawn).
 */
@Component
@Transactional(readOnly = true)
class PropertyWork implements WorkSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final PropertySettings settings;

    PropertyWork(JdbcClient jdbc, Clock clock, CareLoopProperties platform, PropertySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.settings = settings;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(PropertyPermissions.VIEW) || me.departmentId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long[] c = jdbc.sql("""
                select count(*), coalesce(sum(case when due_on < :today then 1 else 0 end), 0)
                from customer_property_inspection where status = 'OPEN' and department_id = :d""")
                .param("today", today).param("d", me.departmentId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long signatures = jdbc.sql("""
                select count(*) from customer_property_movement
                where kind = 'HAND_OVER' and signed_at is null and to_department_id = :d""")
                .param("d", me.departmentId()).query(Long.class).single();
        String list = "/customer-properties?departmentId=" + me.departmentId();
        List<WorkCount> lines = new java.util.ArrayList<>();
        if (me.can(PropertyPermissions.INSPECT)) {
            lines.add(new WorkCount("property.inspections", c[0], false, "/customer-properties/inspections"));
            lines.add(new WorkCount("property.inspectionsOverdue", c[1], c[1] > 0, list + "&inspectionDue=true"));
        }
        lines.add(new WorkCount("property.handOversToSign", signatures, signatures > 0, list));
        // the copies of customer documents my department is to confirm: received, or returned/destroyed (7.5.3)
        // overdue: open for the settings page's reminder days or more (the job has reminded the department)
        int days = settings.effective().confirmationReminderDays();
        java.time.Instant overdueFrom = days == 0 ? java.time.Instant.EPOCH
                : clock.instant().minus(java.time.Duration.ofDays(days));
        long[] copies = jdbc.sql("""
                select coalesce(sum(case when kind = 'RECEIPT' then 1 else 0 end), 0),
                       coalesce(sum(case when kind = 'RETURN' then 1 else 0 end), 0),
                       coalesce(sum(case when requested_at <= :overdueFrom then 1 else 0 end), 0)
                from customer_property_copy_ack where department_id = :d and confirmed_at is null""")
                .param("d", me.departmentId()).param("overdueFrom", java.sql.Timestamp.from(overdueFrom))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        if (copies[0] > 0) {
            lines.add(new WorkCount("property.copiesToConfirm", copies[0], false, "/customer-properties/confirmations"));
        }
        if (copies[1] > 0) {
            lines.add(new WorkCount("property.copiesToReturn", copies[1], true, "/customer-properties/confirmations"));
        }
        if (days > 0 && copies[2] > 0) {
            lines.add(new WorkCount("property.copiesOverdue", copies[2], true, "/customer-properties/confirmations"));
        }
        // the customers' decisions I am to carry out (repair, replace, return, scrap, use as is)
        long[] t = jdbc.sql("""
                select count(*), coalesce(sum(case when task_due_on < :today then 1 else 0 end), 0)
                from customer_property_problem where status = 'DECIDED' and task_owner_id = :me""")
                .param("today", today).param("me", me.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (t[0] > 0) {
            lines.add(new WorkCount("property.decisionTasks", t[0], false, "/customer-properties"));
            lines.add(new WorkCount("property.decisionTasksOverdue", t[1], t[1] > 0,
                    "/customer-properties"));
        }
        return lines;
    }
}
