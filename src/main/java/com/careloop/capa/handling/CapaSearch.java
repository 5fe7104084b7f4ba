package com.careloop.capa.handling;

import java.util.List;

import com.careloop.capa.CapaPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.RecordSearch;
import com.careloop.platform.SearchProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The global search over CAPA records: by number, within the data scope (department or opener). */
@Component
class CapaSearch implements SearchProvider {

    private final JdbcClient jdbc;

    CapaSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        if (!me.can(CapaPermissions.VIEW)) {
            return List.of();
        }
        return new RecordSearch("capa c", "c.code", "substring(c.problem, 1, 80)")
                .scope(me.scope().condition("c.department_id", "c.opened_by"))
                .find(jdbc, query, "search.kind.capa", "/capa/");
    }
}
