package com.careloop.platform.web;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures on the home page: the organisation at a glance. */
@Component
class HomeSummary {

    record Summary(long departments, long users, long roles, long auditEvents, List<Recent> recentAudit) {
    }

    record Recent(java.time.Instant at, String actor, String action, String recordType, String recordId) {
    }

    private final JdbcClient jdbc;

    HomeSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Summary now() {
        return new Summary(count("select count(*) from department where active = true"),
                count("select count(*) from app_user where active = true"),
                count("select count(*) from app_role"),
                count("select count(*) from audit_event"),
                jdbc.sql("select occurred_at, actor, action, record_type, record_id from audit_event order by id desc limit 8")
                        .query((rs, n) -> new Recent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5))).list());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
