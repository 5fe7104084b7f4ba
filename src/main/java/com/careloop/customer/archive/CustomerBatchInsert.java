package com.careloop.customer.archive;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes new customers and their contacts with JDBC batches, for the bulk import. Through JPA every
 * row is its own statement and round trip, because IDENTITY ids make Hibernate insert at once to
 * learn the id; 10,000 imported customers were 20,000 round trips. Here a block costs two batches
 * and one query.
 * <p>
 * The database still assigns the ids (no explicit ids, so its identity sequences stay the only
 * source and later single inserts cannot collide); they are read back by the unique record number.
 * Runs in the caller's transaction: the JDBC statements share the JPA transaction's connection.
 */
@Component
class CustomerBatchInsert {

    private static final String CUSTOMER = """
            insert into customer (code, name, kind, phone, email, id_number, birthday, occupation, address, project,
              room, industry, region, source, tags, remarks, representative_id, deputy_id, department_id,
              key_customer, active, version, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int V = Types.VARCHAR;
    /** Explicit types, so a null is bound without asking the driver for parameter metadata. */
    private static final int[] CUSTOMER_TYPES = {V, V, V, V, V, V, Types.DATE, V, V, V, V, V, V, V, V, V,
            Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BOOLEAN, Types.BOOLEAN, Types.BIGINT, Types.TIMESTAMP,
            Types.TIMESTAMP};
    private static final String CONTACT = """
            insert into customer_contact (customer_id, name, title, phone, email, is_primary, remarks)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final int[] CONTACT_TYPES = {Types.BIGINT, V, V, V, V, Types.BOOLEAN, V};

    private final JdbcTemplate batch;
    private final JdbcClient jdbc;

    CustomerBatchInsert(JdbcTemplate batch, JdbcClient jdbc) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /** Inserts the new (never persisted) customers and gives each its database id. */
    void insert(List<Customer> customers, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(customers.size());
        for (Customer c : customers) {
            rows.add(new Object[] {c.getCode(), c.getName(), c.getKind().name(), c.getPhone(), c.getEmail(),
                    c.getIdNumber(), c.getBirthday() == null ? null : Date.valueOf(c.getBirthday()), c.getOccupation(),
                    c.getAddress(), c.getProject(), c.getRoom(), c.getIndustry(), c.getRegion(), c.getSource(),
                    c.getTags(), c.getRemarks(), c.getRepresentativeId(), c.getDeputyId(), c.getDepartmentId(),
                    c.isKeyCustomer(), c.isActive(), c.getVersion(), at, at});
        }
        batch.batchUpdate(CUSTOMER, rows, CUSTOMER_TYPES);

        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, code from customer where code in (:codes)")
                .param("codes", customers.stream().map(Customer::getCode).toList())
                .query(rs -> { ids.put(rs.getString(2), rs.getLong(1)); });
        List<Object[]> contacts = new ArrayList<>();
        for (Customer c : customers) {
            c.inserted(ids.get(c.getCode()));
            for (CustomerContact k : c.getContacts()) {
                contacts.add(new Object[] {c.getId(), k.getName(), k.getTitle(), k.getPhone(), k.getEmail(),
                        k.isPrimary(), k.getRemarks()});
            }
        }
        batch.batchUpdate(CONTACT, contacts, CONTACT_TYPES);
    }
}
