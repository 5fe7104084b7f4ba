package com.careloop.customer;

import java.util.List;
import java.util.Optional;

import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.archive.CustomerViews;
import com.careloop.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's face to the others: look a customer up, within the reader's scope and masking. */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

    private final CustomerService customers;

    CustomerDirectory(CustomerService customers) {
        this.customers = customers;
    }

    public Optional<CustomerCard> card(long id) {
        try {
            var d = customers.detail(id);
            return Optional.of(new CustomerCard(d.id(), d.code(), d.name(), d.kind(), d.keyCustomer(), d.phone(), d.room(),
                    d.representativeId(), d.departmentId(), d.segment(), d.active()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a customer on the spot (service-desk intake). A possible duplicate (same name or phone) is
     * refused with 409 listing the candidates unless {@code confirmDuplicate}.
     */
    @Transactional
    public CustomerCard registerOnTheSpot(String name, CustomerKind kind, String phone, String project, String room,
                                          boolean confirmDuplicate) {
        var d = customers.register(new com.careloop.customer.archive.CustomerCommands.SaveCustomer(name, kind, phone,
                null, null, null, null, null, project, room, null, null, "service-desk", null, null, null, null, null,
                confirmDuplicate, null));
        return card(d.id()).orElseThrow();
    }

    /** Look-up on the spot (intake forms): name, code, phone, contact or room, partial match. */
    public List<CustomerCard> lookUp(String text, int limit) {
        return customers.search(new CustomerViews.Filter(text, null, null, null, null, null, null), null, limit).items()
                .stream().map(r -> new CustomerCard(r.id(), r.code(), r.name(), r.kind(), r.keyCustomer(), r.phone(),
                        r.room(), null, null, r.segment(), r.active())).toList();
    }
}
