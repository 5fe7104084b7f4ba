package com.careloop.property.register;

import java.util.List;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.RecordSearch;
import com.careloop.platform.SearchProvider;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyPermissions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The global search over the register: by number or customer name, within what the reader may see (confidential too). */
@Component
class PropertySearch implements SearchProvider {

    private final JdbcClient jdbc;
    private final CustomerProperties properties;

    PropertySearch(JdbcClient jdbc, CustomerProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        if (!me.can(PropertyPermissions.VIEW)) {
            return List.of();
        }
        return new RecordSearch("customer_property i", "i.code", "i.item_name")
                .customerName("i.customer_name")
                .scope(properties.visibleTo(me))
                .find(jdbc, query, "search.kind.property", "/customer-properties/");
    }
}
