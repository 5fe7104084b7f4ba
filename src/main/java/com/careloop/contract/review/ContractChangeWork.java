package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Change notices to acknowledge" on the home page: accepted contract changes whose notice (合同变更通知单) went to the
 * reader's department and nobody of it has acknowledged yet. Not urgent (no deadline). Re-review signatures are
 * approval tasks, counted in "waiting for my approval".
 */
@Component
class ContractChangeWork implements WorkSource {

    private final JdbcClient jdbc;

    ContractChangeWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (me.departmentId() == null || !me.can(ContractPermissions.VIEW)) {
            return List.of();
        }
        List<Long> contracts = jdbc.sql("""
                select ch.contract_id from contract_change_notified n join contract_change ch on ch.id = n.change_id
                where n.department_id = :d and n.acknowledged_at is null order by ch.id desc""")
                .param("d", me.departmentId()).query(Long.class).list();
        if (contracts.isEmpty()) {
            return List.of();
        }
        return List.of(new WorkCount("contract-change-notices", contracts.size(), false,
                "/contracts/" + contracts.get(0)));
    }
}
