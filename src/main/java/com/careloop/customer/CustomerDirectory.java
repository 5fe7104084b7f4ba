package com.careloop.customer;

import java.util.List;
import java.util.Optional;

import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.archive.CustomerViews;
import com.careloop.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer module's face to the others: look a customer up, within the reader's scope and masking. */
@Service
@Transactional(readOnly = true)
public class CustomerDirectory {

    /** The phone without separators, in SQL the same on H2 and PostgreSQL. */
    private static final String DIGITS = "replace(replace(replace(replace(replace(%s, ' ', ''), '-', ''), '(', ''), ')', ''), '+', '')";

    private final CustomerService customers;
    private final JdbcClient jdbc;

    CustomerDirectory(CustomerService customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /**
     * The one active customer whose phone, or one of whose contacts' phones, is {@code phone} (separators
     * ignored), for intake without a signed-in user (the public web form). Empty when none or several
     * customers have it: a guess would file the request under a stranger. The card's phone is masked.
     */
    public Optional<CustomerCard> soleCustomerWithPhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s()+\\-]", "");
        if (digits.length() < 5) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.sql("select c.id from customer c where c.active and " + DIGITS.formatted("c.phone")
                        + " = :d union select k.customer_id from customer_contact k join customer c on c.id = k.customer_id"
                        + " where c.active and " + DIGITS.formatted("k.phone") + " = :d")
                .param("d", digits).query(Long.class).list().stream().distinct().limit(2).toList();
        if (ids.size() != 1) {
            return Optional.empty();
        }
        return jdbc.sql("select id, code, name, kind, key_customer, phone, room, representative_id, department_id, segment,"
                        + " active from customer where id = :id")
                .param("id", ids.get(0))
                .query((rs, n) -> new CustomerCard(rs.getLong(1), rs.getString(2), rs.getString(3),
                        CustomerKind.valueOf(rs.getString(4)), rs.getBoolean(5), Masking.phone(rs.getString(6)),
                        rs.getString(7), (Long) rs.getObject(8, Long.class), (Long) rs.getObject(9, Long.class),
                        rs.getString(10) == null ? null : Segment.valueOf(rs.getString(10)), rs.getBoolean(11)))
                .optional();
    }

    /** The first {@code limit} active customers by id: what other modules' demo data attach their records to. */
    public List<Long> firstActiveCustomerIds(int limit) {
        return jdbc.sql("select id from customer where active = true order by id limit :n").param("n", limit)
                .query(Long.class).list();
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

    /**
     * The choices of a customer picker on a form: the active customer the page came from (if any) first, then the
     * active ones the text finds (name, code, phone — the reader's look-up), without repeats.
     */
    public List<CustomerCard> choices(Long preselectedId, String text, int limit) {
        List<CustomerCard> found = new java.util.ArrayList<>();
        if (preselectedId != null) {
            card(preselectedId).filter(CustomerCard::active).ifPresent(found::add);
        }
        if (text != null && !text.isBlank()) {
            lookUp(text.strip(), limit).stream().filter(CustomerCard::active)
                    .filter(c -> found.stream().noneMatch(x -> x.id() == c.id())).forEach(found::add);
        }
        return found;
    }
}
