package com.careloop.customer.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.customer.archive.Customer;
import com.careloop.customer.archive.CustomerRepository;
import com.careloop.customer.archive.CustomerService;
import com.careloop.customer.keys.KeyCustomerProposal.Action;
import com.careloop.customer.keys.KeyCustomerProposal.Status;
import com.careloop.customer.keys.KeyCustomerViews.KeyCustomerRow;
import com.careloop.customer.keys.KeyCustomerViews.ProposalPage;
import com.careloop.customer.keys.KeyCustomerViews.ProposalView;
import com.careloop.customer.keys.KeyCustomerViews.Propose;
import com.careloop.platform.Text;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key-customer proposals (重点客户变更申请): a department head proposes to flag or unflag a customer
 * in their data scope, the CS center approves or rejects; an approval changes the customer in the
 * same transaction, and both the proposal and the customer get their trail entries.
 */
@Service
@Transactional
public class KeyCustomerService {

    private static final String PROPOSAL_SQL = """
            select p.id, p.customer_id, c.code, c.name, c.key_customer, p.action, p.criterion, p.reason, p.status,
                   p.proposed_by, pu.display_name proposer, p.proposed_at, p.decided_by, du.display_name decider,
                   p.decided_at, p.decision_comment, p.version
            from key_customer_proposal p
            join customer c on c.id = p.customer_id
            join org_user pu on pu.id = p.proposed_by
            left join org_user du on du.id = p.decided_by
            where""";

    private final KeyCustomerProposalRepository proposals;
    private final CustomerService archive;
    private final CustomerRepository customers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final Approvers approvers;
    private final Clock clock;

    KeyCustomerService(KeyCustomerProposalRepository proposals, CustomerService archive, CustomerRepository customers,
                       JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Notifications notifications,
                       Approvers approvers, Clock clock) {
        this.proposals = proposals;
        this.archive = archive;
        this.customers = customers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.approvers = approvers;
        this.clock = clock;
    }

    // ---- writes ------------------------------------------------------------------------------

    public ProposalView propose(Propose cmd) {
        CurrentUser me = users.require();
        String reason = blank(cmd.reason());
        if (cmd.criterion() == KeyCriterion.OTHER && reason == null) {
            throw new InvalidInputException("reason", "required", Text.of("error.customer.reason-required-criterion-other"));
        }
        Customer customer;
        try {
            customer = archive.load(cmd.customerId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("customerId", "exists", Text.of("error.customer.no-customer-in-scope",
                    String.valueOf(cmd.customerId())));
        }
        return detail(open(customer, cmd.action(), cmd.criterion(), reason, me.id(), me.displayName()).getId());
    }

    /** Opens a proposal on a customer already checked against the proposer's scope. */
    KeyCustomerProposal open(Customer customer, Action action, KeyCriterion criterion, String reason, long proposerId,
                             String proposerName) {
        if (!customer.isActive() && action == Action.FLAG) {
            throw new DomainException("customer.inactive", Text.of("error.customer.customer-deactivated"));
        }
        if (pendingFor(customer.getId())) {
            throw new DomainException("key-customer.pending", Text.of("error.customer.key-proposal-pending"));

        }
        KeyCustomerProposal p = KeyCustomerProposal.propose(customer.getId(), customer.isKeyCustomer(), action,
                criterion, reason, proposerId, now());
        proposals.saveAndFlush(p);
        audit.created(p);
        approvers.notifyAll(proposerId, Text.of("texts.notify.key-to-decide"),
                Text.of(p.flags() ? "texts.notify.key-proposes-flag" : "texts.notify.key-proposes-unflag",
                        Text.Arg.user(proposerId), customer.getName(), customer.getCode()),
                "/key-customers#proposal-" + p.getId());
        return p;
    }

    public ProposalView approve(long id, String comment) {
        return decide(id, true, comment);
    }

    public ProposalView reject(long id, String comment) {
        return decide(id, false, comment);
    }

    private ProposalView decide(long id, boolean approve, String comment) {
        CurrentUser me = users.require();
        KeyCustomerProposal p = proposals.findById(id).orElseThrow(() -> new NotFoundException("key-customer-proposal", id));
        decide(p, archive.load(p.getCustomerId()), me.id(), approve, comment);
        return detail(id);
    }

    /** Records the decision; an approval changes the customer in the same transaction. */
    void decide(KeyCustomerProposal p, Customer customer, long deciderId, boolean approve, String comment) {
        var before = p.auditState();
        if (approve) {
            p.approve(deciderId, blank(comment), now());
            apply(p, customer);
        } else {
            p.reject(deciderId, blank(comment), now());
        }
        proposals.saveAndFlush(p);
        audit.changed(p, approve ? "APPROVE" : "REJECT", before);
        notifications.notify(p.getProposedBy(), Text.of(approve ? "texts.notify.key-approved" : "texts.notify.key-rejected"),
                Text.of(blank(comment) == null ? "texts.notify.key-decided" : "texts.notify.key-decided-comment",
                        customer.getName(), customer.getCode(), blank(comment)),
                "/customers/" + customer.getId());
    }

    /** The approved change on the customer; its state may have moved since the proposal (a quarterly removal). */
    private void apply(KeyCustomerProposal p, Customer customer) {
        if (p.flags() == customer.isKeyCustomer()) {
            throw new DomainException(p.flags() ? "key-customer.already-key" : "key-customer.not-key",
                    p.flags() ? Text.of("error.customer.customer-already-key-customer")
                            : Text.of("error.customer.customer-no-longer-key"));
        }
        var before = customer.auditState();
        if (p.flags()) {
            customer.flagAsKey(p.getCriterion().name(), approvers.today(), now());
        } else {
            customer.unflagAsKey(now());
        }
        customers.saveAndFlush(customer);
        audit.changed(customer, p.flags() ? "KEY_FLAG" : "KEY_UNFLAG", before);
    }

    /** Removal in a quarterly review: unflags the customer with its own trail action. */
    void unflagInReview(Customer customer) {
        var before = customer.auditState();
        customer.unflagAsKey(now());
        customers.saveAndFlush(customer);
        audit.changed(customer, "KEY_REVIEW_REMOVE", before);
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public boolean pendingFor(long customerId) {
        return jdbc.sql("select count(*) from key_customer_proposal where pending_customer_id = :c")
                .param("c", customerId).query(Long.class).single() > 0;
    }

    /** A proposal the reader may see: its customer is in their scope, or they made it. */
    @Transactional(readOnly = true)
    public ProposalView detail(long id) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = PROPOSAL_SQL + " " + visible(params) + " and p.id = :id";
        params.put("id", id);
        return jdbc.sql(sql).params(params).query(KeyCustomerService::proposal).optional()
                .orElseThrow(() -> new NotFoundException("key-customer-proposal", id));
    }

    /** Newest first, keyset-paged, within the reader's scope. */
    @Transactional(readOnly = true)
    public ProposalPage search(Status status, Long customerId, String cursor, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(PROPOSAL_SQL).append(' ').append(visible(params));
        if (status != null) {
            sql.append(" and p.status = :status");
            params.put("status", status.name());
        }
        if (customerId != null) {
            sql.append(" and p.customer_id = :customer");
            params.put("customer", customerId);
        }
        if (cursor != null && !cursor.isBlank()) {
            sql.append(" and p.id < :before");
            params.put("before", parseCursor(cursor));
        }
        sql.append(" order by p.id desc limit :limit");
        params.put("limit", limit + 1);
        List<ProposalView> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params)
                .query(KeyCustomerService::proposal).list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = String.valueOf(rows.get(limit - 1).id());
        }
        return new ProposalPage(rows, next);
    }

    /** The current key customers the reader may see, by key-since date. */
    @Transactional(readOnly = true)
    public List<KeyCustomerRow> keyCustomers() {
        var scope = users.require().scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        return jdbc.sql("""
                select c.id, c.code, c.name, c.key_criterion, c.key_since, u.display_name rep
                from customer c left join org_user u on u.id = c.representative_id
                where c.key_customer = true and c.active = true and """ + " " + scope.sql()
                        + " order by c.key_since desc, c.id desc limit 1000")
                .params(scope.params())
                .query((rs, n) -> new KeyCustomerRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("key_criterion"), rs.getObject("key_since", java.time.LocalDate.class),
                        rs.getString("rep")))
                .list();
    }

    private String visible(Map<String, Object> params) {
        CurrentUser me = users.require();
        var scope = me.scope().condition("c.department_id", "c.representative_id", "c.deputy_id");
        params.putAll(scope.params());
        params.put("me", me.id());
        return "(" + scope.sql() + " or p.proposed_by = :me)";
    }

    private static ProposalView proposal(ResultSet rs, int n) throws SQLException {
        return new ProposalView(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("code"), rs.getString("name"),
                rs.getBoolean("key_customer"), Action.valueOf(rs.getString("action")),
                KeyCriterion.valueOf(rs.getString("criterion")), rs.getString("reason"),
                Status.valueOf(rs.getString("status")), rs.getLong("proposed_by"), rs.getString("proposer"),
                instant(rs, "proposed_at"), (Long) rs.getObject("decided_by", Long.class), rs.getString("decider"),
                instant(rs, "decided_at"), rs.getString("decision_comment"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "format", Text.of("error.customer.invalid-cursor"));
        }
    }

    private Instant now() {
        return Instant.now(clock);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
