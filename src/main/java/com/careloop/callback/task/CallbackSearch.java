package com.careloop.callback.task;

import java.util.List;

import com.careloop.callback.CallbackPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.RecordSearch;
import com.careloop.platform.SearchProvider;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The global search over callback tasks: by task number or customer name, for readers of the callback desk. */
@Component
class CallbackSearch implements SearchProvider {

    private final JdbcClient jdbc;

    CallbackSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        if (!me.can(CallbackPermissions.VIEW)) {
            return List.of();
        }
        return new RecordSearch("callback_task t", "t.code", "t.customer_name").customerName("t.customer_name")
                .find(jdbc, query, "search.kind.callback", "/callbacks/");
    }
}
