package com.careloop.contract.review;

import java.util.List;

import com.careloop.platform.OrgDirectory;
import com.careloop.platform.ApprovalDecision;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.SignedInAs;

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
    private final OrgDirectory org;

    DemoSignatures(Approvals approvals, SignedInAs signedIn, TransactionTemplate tx, OrgDirectory org) {
        this.approvals = approvals;
        this.signedIn = signedIn;
        this.tx = tx;
        this.org = org;
    }

    /** Whether the demo company's users of these login names all exist (the platform's demo data was loaded). */
    public boolean usersExist(String... usernames) {
        return java.util.Arrays.stream(usernames).allMatch(n -> org.userByUsername(n).isPresent());
    }

    /** Every open task of the subject's approval approved ("同意"), each in its own transaction. */
    public void signAll(String subjectType, long subjectId) {
        List<OrgDirectory.User> users = org.activeUsers();
        for (ApprovalTrailEntry e : approvals.trail(subjectType, subjectId)) {
            if (!"OPEN".equals(e.state())) {
                continue;
            }
            users.stream().filter(u -> approvals.mayDecide(e.taskId(), u.id())).findFirst().ifPresent(u ->
                    signedIn.run(u.username(), () -> tx.executeWithoutResult(s -> approvals.decide(e.taskId(), null,
                            ApprovalDecision.APPROVE, "同意"))));
        }
    }
}
