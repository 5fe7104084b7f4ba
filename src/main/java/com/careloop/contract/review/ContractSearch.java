package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.RecordSearch;
import com.careloop.platform.SearchProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The global search over contracts: by our number, within the data scope (department, salesperson, registrant). */
@Component
class ContractSearch implements SearchProvider {

    private final JdbcClient jdbc;

    ContractSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        if (!me.can(ContractPermissions.VIEW)) {
            return List.of();
        }
        return new RecordSearch("contract c", "c.number", "c.customer_name")
                .scope(me.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by"))
                .find(jdbc, query, "search.kind.contract", "/contracts/");
    }
}
