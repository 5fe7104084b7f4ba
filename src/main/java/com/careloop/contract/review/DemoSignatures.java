package com.careloop.contract.review;

import java.util.List;

import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.SignedInAs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data only: signs every open task of an approval as the first active user the platform lets decide it — the
 * demo company has nobody in production, purchasing, technical or finance, so the approval administrators stand in.
 */
@Component
public class DemoSignatures {

    private final Approvals approvals;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    DemoSignatures(Approvals approvals, SignedInAs signedIn, TransactionTemplate tx, JdbcClient jdbc) {
        this.approvals = approvals;
        this.signedIn = signedIn;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /** Every open task of the subject's approval approved ("同意"), each in its own transaction. */
    public void signAll(String subjectType, long subjectId) {
        List<Object[]> users = jdbc.sql("select id, username from app_user where active = true order by id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (ApprovalTrailEntry e : approvals.trail(subjectType, subjectId)) {
            if (!"OPEN".equals(e.state())) {
                continue;
            }
            users.stream().filter(u -> approvals.mayDecide(e.taskId(), (Long) u[0])).findFirst().ifPresent(u ->
                    signedIn.run((String) u[1], () -> tx.executeWithoutResult(s -> approvals.decide(e.taskId(), null,
                            ApprovalDecision.APPROVE, "同意"))));
        }
    }
}
