package com.careloop.contract.review;

import java.util.ArrayList;
import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contract work on the home page that the approval inbox does not already count (signatures are approval tasks and
 * show in "waiting for my approval"): contracts whose countersign ended and wait for the sales manager's outcome, and
 * open inconsistencies on the salesperson's own contracts that they must settle with the customer, and month-end
 * distributions of contracts whose receipt the user has not acknowledged yet (002-A12), and the shipments the user
 * is the shipper of (002-A17; urgent from the planned day on).
 */
@Component
class ContractWork implements WorkSource {

    private final JdbcClient jdbc;
    private final ContractDistributions distributions;
    private final ContractShipments shipments;

    ContractWork(JdbcClient jdbc, ContractDistributions distributions, ContractShipments shipments) {
        this.jdbc = jdbc;
        this.distributions = distributions;
        this.shipments = shipments;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        List<WorkCount> work = new ArrayList<>();
        if (me.can(ContractPermissions.DECIDE)) {
            var scope = me.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by");
            long outcomes = jdbc.sql("select count(*) from contract c where c.status = 'UNDER_REVIEW'"
                    + " and c.review_stage = 'OUTCOME' and (" + scope.sql() + ")").params(scope.params())
                    .query(Long.class).single();
            if (outcomes > 0) {
                work.add(new WorkCount("contract-outcomes", outcomes, false, "/contracts?reviewStage=OUTCOME"));
            }
        }
        if (me.can(ContractPermissions.REGISTER)) {
            long open = jdbc.sql("""
                    select count(*) from contract_inconsistency i join contract c on c.id = i.contract_id
                    where i.status = 'OPEN' and c.salesperson_id = :me""").param("me", me.id()).query(Long.class).single();
            if (open > 0) {
                work.add(new WorkCount("contract-inconsistencies", open, true, "/contracts?reviewStage=COUNTERSIGN"));
            }
        }
        long distributed = distributions.awaiting(me.id());
        if (distributed > 0) {
            work.add(new WorkCount("contract-distributions", distributed, false, ContractDistributions.PAGE));
        }
        long[] shipping = shipments.awaiting(me.id());
        if (shipping[0] > 0) {
            work.add(new WorkCount("contract-shipments", shipping[0], shipping[1] > 0, ContractShipments.PAGE
                    + "?status=PLANNED&shipperId=" + me.id()));
        }
        return work;
    }
}
