package com.careloop.customer.contactlog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.careloop.customer.CustomerVisited;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.ContactLogCommands.Entry;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact log (every inquiry, order talk, call, visit, greeting, by whom) of customers and of
 * liaison parties. Customer entries are read and written only within the customer's data scope.
 * Lists are newest first by occurred time, keyset-paged on (occurred time, id).
 */
@Service
@Transactional
public class ContactLogService {

    private final ContactLogRepository entries;
    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final CareLoopProperties properties;

    ContactLogService(ContactLogRepository entries, CustomerService customers, JdbcClient jdbc, AuditTrail audit,
                      CurrentUsers users, Clock clock, CareLoopProperties properties) {
        this.entries = entries;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
    }

    public Entry addForCustomer(long customerId, AddEntry cmd) {
        customers.load(customerId);
        return add(customerId, null, cmd);
    }

    /** For the liaison archive, which has checked that the party exists. */
    public Entry addForParty(long partyId, AddEntry cmd) {
        return add(null, partyId, cmd);
    }

    private Entry add(Long customerId, Long partyId, AddEntry cmd) {
        Instant now = Instant.now(clock);
        Instant occurred = cmd.occurredAt() == null ? now : cmd.occurredAt().toInstant();
        if (occurred.isAfter(now)) {
            throw new InvalidInputException("occurredAt", "not-future", Text.of("error.customer.occurredat-cannot-future"));
        }
        long staff = cmd.staffId() != null ? activeUser(cmd.staffId()) : users.require().id();
        ContactLogEntry e = entries.saveAndFlush(ContactLogEntry.with(customerId, partyId, cmd.kind(), cmd.channel(),
                occurred, staff, cmd.summary().trim(), now));
        audit.created(e);
        return query("e.id = :id", null, 1, "id", e.getId()).get(0);
    }

    /**
     * A visit recorded in another module (its event): a VISIT entry, once per source key. No reader's scope applies
     * (the listener runs without a signed-in user; the publisher has read the customer in its user's scope).
     */
    public void recordVisit(CustomerVisited e) {
        boolean known = jdbc.sql("select count(*) from contact_log where source_key = :key")
                .param("key", e.sourceKey()).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        Instant now = Instant.now(clock);
        String summary = e.summary().length() > 2000 ? e.summary().substring(0, 2000) : e.summary();
        ContactLogEntry entry = entries.saveAndFlush(ContactLogEntry.with(e.customerId(), null, ContactKind.VISIT,
                ContactChannel.VISIT, e.occurredAt().isAfter(now) ? now : e.occurredAt(), e.staffId(), summary, now));
        // the unique index on source_key refuses a concurrent second delivery (its transaction rolls back)
        jdbc.sql("update contact_log set source_key = :key where id = :id").param("key", e.sourceKey())
                .param("id", entry.getId()).update();
        audit.created(entry);
    }

    private long activeUser(long id) {
        return jdbc.sql("select id from org_user where id = :id and active = true").param("id", id).query(Long.class)
                .optional().orElseThrow(() -> new InvalidInputException("staffId", "exists",
                        Text.of("error.customer.no-active-user-0", id)));
    }

    @Transactional(readOnly = true)
    public Paged<Entry> forCustomer(long customerId, String cursor, int limit) {
        customers.load(customerId);
        return page("e.customer_id = :owner", customerId, cursor, limit);
    }

    @Transactional(readOnly = true)
    public Paged<Entry> forParty(long partyId, String cursor, int limit) {
        return page("e.liaison_party_id = :owner", partyId, cursor, limit);
    }

    private Paged<Entry> page(String owner, long ownerId, String cursor, int limit) {
        return Paged.of(query(owner, cursor, limit + 1, "owner", ownerId), limit,
                e -> e.occurredAt().toInstant() + "_" + e.id());
    }

    private List<Entry> query(String condition, String cursor, int limit, String param, Object value) {
        StringBuilder sql = new StringBuilder("""
                select e.id, e.customer_id, e.liaison_party_id, e.kind, e.channel, e.occurred_at, e.staff_id,
                       u.display_name, e.summary
                from contact_log e join org_user u on u.id = e.staff_id
                where\s""").append(condition);
        Instant beforeAt = null;
        long beforeId = 0;
        if (cursor != null && !cursor.isBlank()) {
            int cut = cursor.lastIndexOf('_');
            try {
                beforeAt = Instant.parse(cursor.substring(0, Math.max(cut, 0)));
                beforeId = Long.parseLong(cursor.substring(cut + 1));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
            }
            sql.append(" and (e.occurred_at < :at or (e.occurred_at = :at and e.id < :beforeId))");
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param(param, value).param("limit", limit);
        if (beforeAt != null) {
            statement = statement.param("at", Timestamp.from(beforeAt)).param("beforeId", beforeId);
        }
        var zone = properties.zone();
        return statement.query((rs, n) -> new Entry(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                (Long) rs.getObject(3, Long.class), ContactKind.valueOf(rs.getString(4)),
                ContactChannel.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant().atZone(zone).toOffsetDateTime(),
                rs.getLong(7), rs.getString(8), rs.getString(9))).list();
    }
}
