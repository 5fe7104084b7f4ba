package com.careloop.fieldservice.failure;

import java.util.ArrayList;
import java.util.List;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quality's work lines: returned warranty parts to analyse (mine, or anyone's without a named quality person), and
 * findings of signed field-service reports to classify as failures.
 */
@Component
@Transactional(readOnly = true)
class FailureWork implements WorkSource {

    private final JdbcClient jdbc;

    FailureWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(FieldHistoryPermissions.FAILURES)) {
            return List.of();
        }
        List<WorkCount> lines = new ArrayList<>();
        long parts = jdbc.sql("""
                select count(*) from warranty_feedback
                where status = 'SENT' and (quality_user_id = :me or quality_user_id is null)""")
                .param("me", me.id()).query(Long.class).single();
        if (parts > 0) {
            lines.add(new WorkCount("fieldhistory.warrantyToAnalyse", parts, false, "/warranty-parts?status=SENT"));
        }
        long findings = jdbc.sql("select count(*) from failure_intake where resolved_at is null")
                .query(Long.class).single();
        if (findings > 0) {
            lines.add(new WorkCount("fieldhistory.findingsToClassify", findings, false, "/product-failures/intake"));
        }
        return lines;
    }
}
