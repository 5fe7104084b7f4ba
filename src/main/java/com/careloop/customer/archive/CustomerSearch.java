package com.careloop.customer.archive;

import java.util.List;

import com.careloop.customer.CustomerPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.SearchProvider;

import org.springframework.stereotype.Component;

/**
 * The global search over the customer archive: the archive's own search (name, code, phone, contact, room) within the
 * reader's scope; the hit shows the name, never the phone.
 */
@Component
class CustomerSearch implements SearchProvider {

    private final CustomerService customers;

    CustomerSearch(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public List<Hit> search(Query query, CurrentUser me) {
        if (!me.can(CustomerPermissions.VIEW)) {
            return List.of();
        }
        return customers.search(new CustomerViews.Filter(query.text(), null, null, null, null, null, null), null, LIMIT)
                .items().stream().map(r -> new Hit("search.kind.customer", r.code(), r.name(), "/customers/" + r.id()))
                .toList();
    }
}
