package com.careloop.customer.liaison;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.Masking;
import com.careloop.customer.contactlog.ContactLogCommands.AddEntry;
import com.careloop.customer.contactlog.ContactLogCommands.Entry;
import com.careloop.customer.contactlog.ContactLogService;
import com.careloop.customer.contactlog.Paged;
import com.careloop.customer.liaison.LiaisonCommands.ContactView;
import com.careloop.customer.liaison.LiaisonCommands.Detail;
import com.careloop.customer.liaison.LiaisonCommands.Filter;
import com.careloop.customer.liaison.LiaisonCommands.Row;
import com.careloop.customer.liaison.LiaisonCommands.SaveParty;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The liaison archive (外联客户): housing bureau, street office, police, utilities, telecom and
 * others the property company keeps in touch with; their contacts and the visit log. Liaison
 * parties are company-wide records (no data scope); phones are masked as for customers.
 */
@Service
@Transactional
class LiaisonService {

    private final LiaisonRepository parties;
    private final ContactLogService log;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;

    LiaisonService(LiaisonRepository parties, ContactLogService log, JdbcClient jdbc, AuditTrail audit,
                   CurrentUsers users, Clock clock) {
        this.parties = parties;
        this.log = log;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    Detail register(SaveParty cmd) {
        LiaisonParty p = parties.saveAndFlush(LiaisonParty.register(profile(cmd), contacts(cmd), now()));
        audit.created(p);
        return detail(p.getId());
    }

    Detail update(long id, SaveParty cmd) {
        LiaisonParty p = load(id);
        com.careloop.platform.Versions.requireCurrent(cmd.version(), p.getVersion(), "liaison-party", id);
        var before = p.auditState();
        p.revise(profile(cmd), contacts(cmd), now());
        parties.saveAndFlush(p);
        audit.changed(p, "UPDATE", before);
        return detail(id);
    }

    Detail deactivate(long id) {
        return transition(id, "DEACTIVATE", p -> p.deactivate(now()));
    }

    Detail activate(long id) {
        return transition(id, "ACTIVATE", p -> p.activate(now()));
    }

    private Detail transition(long id, String action, Consumer<LiaisonParty> step) {
        LiaisonParty p = load(id);
        var before = p.auditState();
        step.accept(p);
        parties.saveAndFlush(p);
        audit.changed(p, action, before);
        return detail(id);
    }

    Entry addLog(long id, AddEntry cmd) {
        load(id).requireActive();
        return log.addForParty(id, cmd);
    }

    @Transactional(readOnly = true)
    Paged<Entry> log(long id, String cursor, int limit) {
        load(id);
        return log.forParty(id, cursor, limit);
    }

    private LiaisonParty load(long id) {
        return parties.findById(id).orElseThrow(() -> new NotFoundException("liaison-party", id));
    }

    private boolean mask() {
        return !users.require().can(CustomerPermissions.VIEW_SENSITIVE);
    }

    @Transactional(readOnly = true)
    Detail detail(long id) {
        LiaisonParty p = load(id);
        boolean mask = mask();
        return new Detail(p.getId(), p.getName(), p.getKind(), phone(p.getPhone(), mask), p.getAddress(), p.getRemarks(),
                p.isActive(), p.getContacts().stream().map(k -> new ContactView(k.getId(), k.getName(), k.getTitle(),
                        phone(k.getPhone(), mask), k.getEmail())).toList(), mask, p.getVersion());
    }

    /** Keyset-paged list, newest first; the keyword matches name, phone, address and contacts. */
    @Transactional(readOnly = true)
    Paged<Row> search(Filter f, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("""
                select p.id, p.name, p.kind, p.phone, p.address, p.active,
                       (select min(k.name) from liaison_contact k where k.party_id = p.id) main_contact
                from liaison_party p where 1=1""");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(f.includeInactive())) {
            sql.append(" and p.active = true");
        }
        if (f.kind() != null) {
            sql.append(" and p.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sql.append("""
                    \s and (lower(p.name) like :kw or p.phone like :kw or lower(p.address) like :kw or exists (select 1
                      from liaison_contact k where k.party_id = p.id and (lower(k.name) like :kw or k.phone like :kw)))""");
            params.put("kw", "%" + f.q().trim().toLowerCase() + "%");
        }
        Long before = Paged.idCursor(cursor);
        if (before != null) {
            sql.append(" and p.id < :before");
            params.put("before", before);
        }
        sql.append(" order by p.id desc limit :limit");
        params.put("limit", limit + 1);
        boolean mask = mask();
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), LiaisonKind.valueOf(rs.getString("kind")),
                        phone(rs.getString("phone"), mask), rs.getString("address"), rs.getString("main_contact"),
                        rs.getBoolean("active")))
                .list();
        return Paged.of(rows, limit, r -> String.valueOf(r.id()));
    }

    private static String phone(String phone, boolean mask) {
        return mask ? Masking.phone(phone) : phone;
    }

    private static LiaisonParty.Profile profile(SaveParty c) {
        return new LiaisonParty.Profile(c.name().trim(), c.kind(), blank(c.phone()), blank(c.address()), blank(c.remarks()));
    }

    private static List<LiaisonParty.Contact> contacts(SaveParty c) {
        return c.contacts() == null ? List.of() : c.contacts().stream()
                .map(k -> new LiaisonParty.Contact(k.name().trim(), blank(k.title()), blank(k.phone()), blank(k.email())))
                .toList();
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
