package com.careloop.contract.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.careloop.contract.ContractAccepted;
import com.careloop.contract.ContractViews;
import com.careloop.contract.Contracts;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.Text;

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
                       String acknowledgedBy, OffsetDateTime acknowledgedAt, boolean acknowledgeable) {
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
                n.getAcknowledgedByName(), odt(n.getAcknowledgedAt()), producer && !n.isAcknowledged());
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
