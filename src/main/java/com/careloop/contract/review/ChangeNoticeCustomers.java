package com.careloop.contract.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ContractViews;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.CustomerLinks;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's confirmation of a change notice (合同变更通知单): once a change is accepted, sales sends the notice to
 * the customer through a personal link (platform {@link CustomerLinks}, mailed in the customer's language when an
 * address is given); the customer opens it without login and confirms it or comments on it (a comment needs text),
 * once, until the link's last day. The answer and its time are recorded on the change (table
 * {@code contract_change_customer}), audited on the change, and the requester and the salesperson are told. Sending
 * again before an answer gives a fresh link (the earlier one stops working); after an answer it is refused.
 */
@Service
@Transactional
public class ChangeNoticeCustomers {

    static final String LINK_PURPOSE = ContractChanges.NOTICE_NUMBER_TYPE;
    static final String PUBLIC_PATH = "/public/change-notices/";

    /** What the customer answered. */
    public enum Answer { CONFIRMED, COMMENTED }

    /** {email?, language?}: where to mail the link (none: sales passes the url on) and the customer's language. */
    public record Send(String email, String language) {
    }

    /** The notice as sent to the customer and their answer; {@code url} only in the answer to sending. */
    public record Confirmation(long changeId, LocalDate expiresOn, String mailedTo, String language, Answer answer,
                               String note, OffsetDateTime answeredAt, String sentBy, OffsetDateTime sentAt, String url) {
    }

    /** What the customer's page shows. {@code state}: form | answered | expired. */
    public record PublicView(String noticeNumber, String changeNumber, String contractNumber, String customerName,
                             String customerNumber, List<ChangeKind> kinds, String reason, String agreed,
                             int revision, LocalDate deliveryDate, String paymentTerms, String specialRequirements,
                             List<ContractViews.Line> lines, BigDecimal totalAmount, LocalDate expiresOn,
                             Answer answer, String state, String language) {
    }

    private final ContractChanges changes;
    private final ContractChangeRepository changeRepository;
    private final ContractRepository contractRepository;
    private final CustomerLinks links;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final int linkDays;

    ChangeNoticeCustomers(ContractChanges changes, ContractChangeRepository changeRepository,
                          ContractRepository contractRepository, CustomerLinks links, AuditTrail audit,
                          CurrentUsers users, Notifications notifications, JdbcClient jdbc, Clock clock,
                          CareLoopProperties platform,
                          @Value("${careloop.contract.confirmation-link-days:14}") int linkDays) {
        this.changes = changes;
        this.changeRepository = changeRepository;
        this.contractRepository = contractRepository;
        this.links = links;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.linkDays = linkDays;
    }

    /** Sends the notice of an accepted change (409 {@code contract.change-no-notice} before; after an answer 409). */
    public Confirmation send(long contractId, long changeId, Send cmd) {
        ContractViews.Change ch = changes.get(contractId, changeId);
        if (ch.noticeNumber() == null) {
            throw DomainException.of("contract.change-no-notice", ch.number());
        }
        Optional<Confirmation> earlier = of(changeId);
        if (earlier.map(Confirmation::answer).isPresent()) {
            throw DomainException.of("contract.change-customer-answered", ch.noticeNumber());
        }
        String email = cmd == null || cmd.email() == null || cmd.email().isBlank() ? null : cmd.email().strip();
        if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("email", "format", Text.of("error.contract.change-customer.email", email));
        }
        Locale language = OrderConfirmations.language(cmd == null ? null : cmd.language());
        CustomerLinks.IssuedLink link = links.issue(LINK_PURPOSE, changeId, PUBLIC_PATH, linkDays);
        Instant now = Instant.now(clock);
        if (earlier.isPresent()) {
            jdbc.sql("""
                    update contract_change_customer set link_id = :l, expires_on = :e, mailed_to = :m, language = :lang,
                    sent_by_name = :by, sent_at = :at where change_id = :c""")
                    .params(row(changeId, contractId, link, email, language, now)).update();
        } else {
            jdbc.sql("""
                    insert into contract_change_customer (change_id, contract_id, link_id, expires_on, mailed_to, language,
                    sent_by_name, sent_at) values (:c, :contract, :l, :e, :m, :lang, :by, :at)""")
                    .params(row(changeId, contractId, link, email, language, now)).update();
        }
        audit.record(ContractChange.RECORD_TYPE, String.valueOf(changeId), "NOTICE_SENT_TO_CUSTOMER", AuditTrail.diff(
                Map.of(), Map.of("mailedTo", email == null ? "" : email, "expiresOn", link.expiresOn().toString())));
        if (email != null) {
            links.mail(link, email, language, Text.of("contract.change-customer.mail.subject", ch.noticeNumber()),
                    Text.of("contract.change-customer.mail.body", ch.contractNumber(), ch.noticeNumber()));
        }
        Confirmation c = of(changeId).orElseThrow();
        return new Confirmation(c.changeId(), c.expiresOn(), c.mailedTo(), c.language(), c.answer(), c.note(),
                c.answeredAt(), c.sentBy(), c.sentAt(), link.url());
    }

    private Map<String, Object> row(long changeId, long contractId, CustomerLinks.IssuedLink link, String email,
                                    Locale language, Instant now) {
        return Map.of("c", changeId, "contract", contractId, "l", link.id(), "e", link.expiresOn(),
                "m", email == null ? "" : email, "lang", language.toLanguageTag(), "by", users.actorName(),
                "at", Timestamp.from(now));
    }

    /** The notice as sent to the customer, if it was (for the contract page and the printout). */
    @Transactional(readOnly = true)
    public Optional<Confirmation> of(long changeId) {
        return jdbc.sql("""
                select change_id, expires_on, mailed_to, language, answer, note, answered_at, sent_by_name, sent_at
                from contract_change_customer where change_id = :c""").param("c", changeId)
                .query((rs, n) -> new Confirmation(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        blankToNull(rs.getString(3)), rs.getString(4),
                        rs.getString(5) == null ? null : Answer.valueOf(rs.getString(5)), rs.getString(6),
                        odt(rs.getTimestamp(7)), rs.getString(8), odt(rs.getTimestamp(9)), null)).optional();
    }

    // ---- the customer's page (no login) -------------------------------------------------------------------------

    /** What the token stands for, also when answered or expired; empty when unknown. */
    @Transactional(readOnly = true)
    public Optional<PublicView> byLink(String token) {
        return links.resolve(LINK_PURPOSE, token).flatMap(t -> changeRepository.findById(t.recordId()).map(x -> {
            Contract c = contractRepository.findById(x.getContractId()).orElseThrow();
            ContractViews.Change ch = changes.view(x, c);
            Confirmation sent = of(x.getId()).orElse(null);
            Answer answer = sent == null ? null : sent.answer();
            String state = t.answered() || answer != null ? "answered" : t.expired() ? "expired" : "form";
            return new PublicView(ch.noticeNumber(), ch.number(), ch.contractNumber(), ch.customerName(),
                    c.getCustomerNumber(), ch.kinds(), ch.reason(), ch.agreed(), ch.revision() == null ? 0 : ch.revision(),
                    ch.deliveryDate(), ch.paymentTerms(), ch.specialRequirements(), ch.lines(), ch.totalAmount(),
                    t.expiresOn(), answer, state, sent == null ? null : sent.language());
        }));
    }

    /** The customer confirms, or comments (text required, 422 on {@code note}) — once, until the link's last day. */
    public void answer(String token, boolean confirm, String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (!confirm && text == null) {
            throw new InvalidInputException("note", "required", Text.of("error.contract.change-customer.note"));
        }
        if (text != null && text.length() > 2000) {
            throw new InvalidInputException("note", "max", Text.of("error.contract.change-customer.note-length", 2000));
        }
        CustomerLinks.LinkTarget t = links.answer(LINK_PURPOSE, token);
        ContractChange x = changeRepository.findById(t.recordId())
                .orElseThrow(() -> new NotFoundException(ContractChange.RECORD_TYPE, t.recordId()));
        Contract c = contractRepository.findById(x.getContractId()).orElseThrow();
        Answer answer = confirm ? Answer.CONFIRMED : Answer.COMMENTED;
        int updated = jdbc.sql("""
                update contract_change_customer set answer = :a, note = :n, answered_at = :at
                where change_id = :c and answer is null""").param("a", answer.name()).param("n", text)
                .param("at", Timestamp.from(Instant.now(clock))).param("c", x.getId()).update();
        if (updated == 0) {
            throw new DomainException("link.answered", Text.of("link.answered"));
        }
        audit.record(ContractChange.RECORD_TYPE, String.valueOf(x.getId()), "CUSTOMER_" + answer.name(),
                AuditTrail.diff(Map.of(), Map.of("answer", answer.name(), "note", text == null ? "" : text)));
        Text subject = Text.of("contract.change-customer.notify." + answer.name(), x.getNoticeNumber(), c.getNumber());
        Text body = Text.of("contract.change-customer.notify.body", c.getCustomerName(), text == null ? "" : text);
        String path = "/contracts/" + c.getId() + "#change-" + x.getId();
        notifications.notify(x.getRequestedBy(), subject, body, path);
        if (c.getSalespersonId() != x.getRequestedBy()) {
            notifications.notify(c.getSalespersonId(), subject, body, path);
        }
    }

    private OffsetDateTime odt(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
