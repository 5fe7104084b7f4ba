package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.careloop.contract.ContractAccepted;
import com.careloop.contract.ContractViews;
import com.careloop.contract.Contracts;
import com.careloop.contract.ResolutionMethod;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production task notices (生产任务通知单): one is issued, in the accepting transaction, whenever a contract is
 * accepted (outcome A, and the general manager's approval when major) — numbered {@code SCTZ2026-000001}, the lines,
 * quantities, required delivery date and special requirements as accepted — and every active member of the production
 * department ({@code careloop.contract.production-department}, default {@code PROD}) is notified. A member of that
 * department acknowledges receipt once (audited).
 */
@Service
@Transactional
public class ProductionNotices {

    public static final String NUMBER_TYPE = "contract-production-notice";
    private static final TypeReference<List<ContractViews.Line>> LINES = new TypeReference<>() {
    };

    /** A notice as the pages, the API and the print form show it. */
    public record View(long id, String number, long contractId, String contractNumber, String customerName,
                       String customerNumber, LocalDate deliveryDate, String specialRequirements,
                       List<ContractViews.Line> lines, OffsetDateTime issuedAt, String issuedBy,
                       String acknowledgedBy, OffsetDateTime acknowledgedAt, boolean acknowledgeable,
                       Long revisionOf, String revisionOfNumber, Shortfall shortfall, Long revisedBy,
                       String revisedByNumber, long version) {
    }

    /** Production's report that the notice cannot be met and, once settled, the agreement with the customer. */
    public record Shortfall(String reason, LocalDate proposedDate, BigDecimal proposedQuantity, String reportedBy,
                            OffsetDateTime reportedAt, ResolutionMethod agreedMethod, LocalDate agreedOn,
                            String agreedWith, String agreed) {
    }

    /** Production cannot meet the notice: why, and the date and/or quantity it can make (at least one). */
    public record ReportShortfall(String reason, LocalDate proposedDate, BigDecimal proposedQuantity, Long version) {
    }

    /**
     * Sales agreed with the customer (how, when, with whom, what); the revision carries {@code deliveryDate} (required)
     * and {@code quantity} (optional, a notice of one line only).
     */
    public record AgreeRevision(ResolutionMethod method, LocalDate agreedOn, String withWhom, String agreed,
                                LocalDate deliveryDate, BigDecimal quantity, Long version) {
    }

    private final ProductionNoticeRepository notices;
    private final ContractRepository contractRepository;
    private final Contracts contracts;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Notifications notifications;
    private final OrgDirectory org;
    private final JsonMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final String productionDepartment;

    ProductionNotices(ProductionNoticeRepository notices, ContractRepository contractRepository, Contracts contracts,
                      RecordNumbers numbers, AuditTrail audit, CurrentUsers users, Notifications notifications,
                      OrgDirectory org, JsonMapper json, Clock clock, CareLoopProperties platform,
                      @Value("${careloop.contract.production-department:PROD}") String productionDepartment) {
        this.notices = notices;
        this.contractRepository = contractRepository;
        this.contracts = contracts;
        this.numbers = numbers;
        this.audit = audit;
        this.users = users;
        this.notifications = notifications;
        this.org = org;
        this.json = json;
        this.clock = clock;
        this.zone = platform.zone();
        this.productionDepartment = productionDepartment;
    }

    /** Issues the notice of an accepted contract and tells production (same transaction as the acceptance). */
    @EventListener
    void accepted(ContractAccepted e) {
        Contract c = contractRepository.findById(e.contractId())
                .orElseThrow(() -> new NotFoundException(Contract.RECORD_TYPE, e.contractId()));
        if (c.isInStock()) {
            return; // shipped from stock on the issue slip (seed 001-C4): nothing to produce
        }
        issue(c, Text.of("contract.notice.notify.title", c.getNumber()));
    }

    /** Issues a notice of the contract as it is now (on acceptance, and again after an accepted change). */
    ProductionNotice issue(Contract c, Text title) {
        List<ContractViews.Line> lines = OrderConfirmations.lines(c);
        String by = users.current().map(CurrentUser::displayName).orElse(null);
        ProductionNotice n = notices.saveAndFlush(ProductionNotice.issue(numbers.next(NUMBER_TYPE), c,
                json.writeValueAsString(lines), by, Instant.now(clock)));
        audit.created(n);
        for (long member : productionMembers()) {
            notifications.notify(member, title, Text.of("contract.notice.notify.body", n.getNumber(),
                    c.getCustomerName(), Text.Arg.date(c.getDeliveryDate())), "/contracts/" + c.getId());
        }
        return n;
    }

    /** The contract's notices, newest first (the reader's access to the contract is checked). */
    @Transactional(readOnly = true)
    public List<View> of(long contractId) {
        contracts.contract(contractId);
        CurrentUser me = users.current().orElse(null);
        boolean producer = me != null && inProduction(me);
        return notices.findByContractIdOrderByIdDesc(contractId).stream().map(n -> view(n, producer)).toList();
    }

    /** The newest notice of the contract (404 when it has none). */
    @Transactional(readOnly = true)
    public View latest(long contractId) {
        return of(contractId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(ProductionNotice.RECORD_TYPE, "contract " + contractId));
    }

    /** One notice of the contract (404 when it is another contract's). */
    @Transactional(readOnly = true)
    public View get(long contractId, long noticeId) {
        return of(contractId).stream().filter(v -> v.id() == noticeId).findFirst()
                .orElseThrow(() -> new NotFoundException(ProductionNotice.RECORD_TYPE, noticeId));
    }

    /**
     * Production's receiver acknowledges the notice: only a member of the production department (409
     * {@code contract.notice-not-production}), once (409 {@code contract.notice-acknowledged}).
     */
    public View acknowledge(long contractId, long noticeId) {
        contracts.contract(contractId);
        ProductionNotice n = notices.findById(noticeId).filter(x -> x.getContractId() == contractId)
                .orElseThrow(() -> new NotFoundException(ProductionNotice.RECORD_TYPE, noticeId));
        CurrentUser me = users.require();
        if (!inProduction(me)) {
            throw DomainException.of("contract.notice-not-production", n.getNumber());
        }
        var before = n.auditState();
        n.acknowledge(new Contract.Actor(me.id(), me.displayName()), Instant.now(clock));
        notices.saveAndFlush(n);
        audit.changed(n, "ACKNOWLEDGE", before);
        return view(n, true);
    }

    /**
     * 002-A16: production reports that the company cannot meet the notice. Only production (409
     * {@code contract.notice-not-production}); a replaced notice or one with an open report → 409; 422 naming the
     * field (reason; a proposed date or quantity; quantity &gt; 0); stale version → 409. Sales is notified. Audited.
     */
    public View reportShortfall(long contractId, long noticeId, ReportShortfall cmd) {
        if (cmd == null) {
            throw Contract.required("body");
        }
        Contract c = contracts.contract(contractId);
        ProductionNotice n = notice(contractId, noticeId);
        Versions.requireCurrentIfGiven(cmd.version(), n.getVersion(), ProductionNotice.RECORD_TYPE, noticeId);
        CurrentUser me = users.require();
        if (!inProduction(me)) {
            throw DomainException.of("contract.notice-not-production", n.getNumber());
        }
        String reason = Contract.clip("reason", cmd.reason(), 2000);
        if (reason == null) {
            throw Contract.required("reason");
        }
        if (cmd.proposedDate() == null && cmd.proposedQuantity() == null) {
            throw new InvalidInputException("proposedDate", "required",
                    Text.of("error.contract.notice.shortfall-proposal"));
        }
        positive("proposedQuantity", cmd.proposedQuantity());
        var before = n.auditState();
        n.reportCannotMeet(reason, cmd.proposedDate(), cmd.proposedQuantity(),
                new Contract.Actor(me.id(), me.displayName()), Instant.now(clock));
        notices.saveAndFlush(n);
        audit.changed(n, "REPORT_SHORTFALL", before);
        for (Long salesperson : java.util.stream.Stream.of(c.getSalespersonId(), c.getRegisteredBy())
                .filter(java.util.Objects::nonNull).distinct().toList()) {
            notifications.notify(salesperson, Text.of("contract.notice.shortfall.notify.title", n.getNumber()),
                    Text.of("contract.notice.shortfall.notify.body", c.getNumber(), reason), "/contracts/" + contractId);
        }
        return view(n, true);
    }

    /**
     * 002-A16: sales records the agreement reached with the customer and a new revision of the notice is issued with
     * the agreed delivery date (and quantity) for production's receiver to sign. 409 without an open report or on a
     * replaced notice; 422 naming the field; stale version → 409. Production is notified. Audited.
     */
    public View agreeRevision(long contractId, long noticeId, AgreeRevision cmd) {
        if (cmd == null) {
            throw Contract.required("body");
        }
        Contract c = contracts.contract(contractId);
        ProductionNotice n = notice(contractId, noticeId);
        Versions.requireCurrentIfGiven(cmd.version(), n.getVersion(), ProductionNotice.RECORD_TYPE, noticeId);
        n.requireOpenShortfall();
        if (cmd.method() == null) {
            throw Contract.required("method");
        }
        if (cmd.agreedOn() == null) {
            throw Contract.required("agreedOn");
        }
        if (cmd.agreedOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("agreedOn", "not-future", Text.of("error.contract.change.agreed-in-future"));
        }
        String with = Contract.clip("withWhom", cmd.withWhom(), 200);
        if (with == null) {
            throw Contract.required("withWhom");
        }
        String agreed = Contract.clip("agreed", cmd.agreed(), 2000);
        if (agreed == null) {
            throw Contract.required("agreed");
        }
        if (cmd.deliveryDate() == null) {
            throw Contract.required("deliveryDate");
        }
        List<ContractViews.Line> lines = json.readValue(n.getLines(), LINES);
        if (cmd.quantity() != null) {
            positive("quantity", cmd.quantity());
            if (lines.size() != 1) {
                throw new InvalidInputException("quantity", "one-line", Text.of("error.contract.notice.quantity-one-line"));
            }
            ContractViews.Line l = lines.get(0);
            lines = List.of(new ContractViews.Line(l.lineNo(), l.product(), l.spec(), cmd.quantity(), l.unit(),
                    l.unitPrice(), l.unitPrice() == null ? null
                    : l.unitPrice().multiply(cmd.quantity()).setScale(2, java.math.RoundingMode.HALF_UP), l.remark()));
        }
        String by = users.current().map(CurrentUser::displayName).orElse(null);
        ProductionNotice revision = notices.saveAndFlush(ProductionNotice.revise(numbers.next(NUMBER_TYPE), n,
                cmd.deliveryDate(), json.writeValueAsString(lines), by, Instant.now(clock)));
        audit.created(revision);
        var before = n.auditState();
        n.agreed(cmd.method(), cmd.agreedOn(), with, agreed, revision);
        notices.saveAndFlush(n);
        audit.changed(n, "AGREE_REVISION", before);
        for (long member : productionMembers()) {
            notifications.notify(member, Text.of("contract.notice.revised.notify.title", revision.getNumber(), n.getNumber()),
                    Text.of("contract.notice.notify.body", revision.getNumber(), c.getCustomerName(),
                            Text.Arg.date(cmd.deliveryDate())), "/contracts/" + contractId);
        }
        return view(revision, false);
    }

    private ProductionNotice notice(long contractId, long noticeId) {
        return notices.findById(noticeId).filter(x -> x.getContractId() == contractId)
                .orElseThrow(() -> new NotFoundException(ProductionNotice.RECORD_TYPE, noticeId));
    }

    private static void positive(String field, BigDecimal value) {
        if (value != null && (value.signum() <= 0 || value.scale() > 3)) {
            throw new InvalidInputException(field, "positive", Text.of("error.contract.notice.quantity-positive"));
        }
    }

    /** How sales may have agreed with the customer (the page's choice). */
    public ResolutionMethod[] agreementMethods() {
        return ResolutionMethod.values();
    }

    /** Whether the reader is in production (the page's 'cannot meet' button). */
    @Transactional(readOnly = true)
    public boolean isProduction() {
        return users.current().filter(this::inProduction).isPresent();
    }

    private boolean inProduction(CurrentUser me) {
        return me.departmentId() != null && org.department(me.departmentId())
                .filter(d -> d.code().equals(productionDepartment)).isPresent();
    }

    private List<Long> productionMembers() {
        return org.activeMembers(productionDepartment).stream().map(OrgDirectory.User::id).toList();
    }

    private View view(ProductionNotice n, boolean producer) {
        return new View(n.getId(), n.getNumber(), n.getContractId(), n.getContractNumber(), n.getCustomerName(),
                n.getCustomerNumber(), n.getDeliveryDate(), n.getSpecialRequirements(),
                json.readValue(n.getLines(), LINES), odt(n.getIssuedAt()), n.getIssuedByName(),
                n.getAcknowledgedByName(), odt(n.getAcknowledgedAt()), producer && !n.isAcknowledged(),
                n.getRevisionOf(), numberOf(n.getRevisionOf()), n.getShortfallAt() == null ? null : new Shortfall(n.getShortfallReason(),
                        n.getShortfallDate(), n.getShortfallQuantity(), n.getShortfallByName(), odt(n.getShortfallAt()),
                        n.getAgreedMethod(), n.getAgreedOn(), n.getAgreedWith(), n.getAgreed()),
                n.getRevisedBy(), numberOf(n.getRevisedBy()), n.getVersion());
    }

    private String numberOf(Long noticeId) {
        return noticeId == null ? null : notices.findById(noticeId).map(ProductionNotice::getNumber).orElse(null);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
