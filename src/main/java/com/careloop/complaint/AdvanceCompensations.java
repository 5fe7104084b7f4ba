package com.careloop.complaint;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.CompensationCommands.Pay;
import com.careloop.complaint.CompensationCommands.RequestCompensation;
import com.careloop.complaint.CompensationViews.CompensationDetail;
import com.careloop.complaint.CompensationViews.CompensationRow;
import com.careloop.complaint.CompensationViews.Filter;
import com.careloop.complaint.claim.Listing;
import com.careloop.complaint.claim.Parties;
import com.careloop.complaint.claim.RecordSteps;
import com.careloop.complaint.claim.Timeline;
import com.careloop.complaint.retail.AdvanceCompensation;
import com.careloop.complaint.retail.AdvanceCompensation.Approver;
import com.careloop.complaint.retail.AdvanceCompensationRepository;
import com.careloop.customer.CustomerCard;
import com.careloop.platform.Text;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Notifications;
import com.careloop.platform.RecordNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advance compensation (先行赔偿): the request, the approval chain supervisor -> manager (four eyes: never the
 * same person twice), payment, or a rejection with a comment. The next approvers are notified.
 */
@Service
@Transactional
public class AdvanceCompensations {

    public static final String RECORD_TYPE = AdvanceCompensation.RECORD_TYPE;

    private final AdvanceCompensationRepository requests;
    private final Parties parties;
    private final RecordNumbers numbers;
    private final RecordSteps steps;
    private final Timeline timeline;
    private final Notifications notifications;
    private final CurrentUsers users;
    private final JdbcClient jdbc;

    AdvanceCompensations(AdvanceCompensationRepository requests, Parties parties, RecordNumbers numbers,
                         RecordSteps steps, Timeline timeline, Notifications notifications, CurrentUsers users,
                         JdbcClient jdbc) {
        this.requests = requests;
        this.parties = parties;
        this.numbers = numbers;
        this.steps = steps;
        this.timeline = timeline;
        this.notifications = notifications;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** A request (XP2026-000001); the supervisors are notified. */
    public CompensationDetail request(RequestCompensation cmd) {
        CurrentUser me = users.require();
        CustomerCard customer = parties.customer(cmd.customerId());
        parties.requireComplaint(cmd.complaintId(), customer.id());
        AdvanceCompensation a = AdvanceCompensation.submit(numbers.next(RECORD_TYPE), customer.id(), customer.name(),
                cmd.complaintId(), cmd.reason(), cmd.amount(), me.id(), me.displayName(), steps.now());
        steps.created(requests, a, "SUBMITTED", Text.of("texts.money", Text.Arg.money(a.getAmount())));
        notifyNext(a, Set.of("CS_SUPERVISOR"));
        return detail(a.getId());
    }

    public CompensationDetail approveAsSupervisor(long id, Step cmd) {
        return change(id, cmd, "SUPERVISOR_APPROVED", a -> {
            a.approveAsSupervisor(approver(), steps.now());
            notifyNext(a, AdvanceCompensation.MANAGER_STEP);
            return null;
        });
    }

    public CompensationDetail approveAsManager(long id, Step cmd) {
        return change(id, cmd, "MANAGER_APPROVED", a -> {
            a.approveAsManager(approver(), steps.now());
            return null;
        });
    }

    public CompensationDetail reject(long id, Comment cmd) {
        return change(id, new Step(cmd.version()), "REJECTED", a -> {
            a.reject(approver(), cmd.comment());
            return Claims.literal(cmd.comment());
        });
    }

    public CompensationDetail pay(long id, Pay cmd) {
        return change(id, new Step(cmd == null ? null : cmd.version()), "PAID", a -> {
            a.pay(cmd == null ? null : cmd.paymentReference(), steps.now());
            return Claims.literal(a.getPaymentReference());
        });
    }

    // ---- reads -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public CompensationDetail detail(long id) {
        AdvanceCompensation a = load(id);
        List<String> next = switch (a.getStatus()) {
            case SUBMITTED -> List.of("approve-supervisor", "reject");
            case SUPERVISOR_APPROVED -> List.of("approve-manager", "reject");
            case MANAGER_APPROVED -> List.of("pay");
            default -> List.of();
        };
        return new CompensationDetail(a.getId(), a.getCode(), a.getVersion(), a.getCustomerId(), a.getCustomerName(),
                a.getComplaintId(), a.getReason(), a.getAmount(), a.getStatus(), a.getRequestedByName(),
                a.getSupervisorName(), Claims.odt(a.getSupervisorApprovedAt()), a.getManagerName(),
                Claims.odt(a.getManagerApprovedAt()), a.getRejectedBy(), a.getRejectionComment(), Claims.odt(a.getPaidAt()),
                a.getPaymentReference(), Claims.odt(a.getCreatedAt()), timeline.of(RECORD_TYPE, id), next);
    }

    @Transactional(readOnly = true)
    public RecordPage<CompensationRow> search(Filter f, String cursor, int limit) {
        Filter filter = f == null ? new Filter(null, null) : f;
        return new Listing("""
                select id, code, customer_id, customer_name, complaint_id, amount, status, requested_by_name, created_at
                from advance_compensation a where 1=1""", "a.id")
                .where(filter.status() != null, "a.status = :status", "status",
                        filter.status() == null ? null : filter.status().name())
                .where(filter.customerId() != null, "a.customer_id = :customer", "customer", filter.customerId())
                .page(jdbc, cursor, limit, (rs, n) -> new CompensationRow(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getBigDecimal(6),
                        CompensationStatus.valueOf(rs.getString(7)), rs.getString(8),
                        Claims.odt(rs.getTimestamp(9).toInstant())), CompensationRow::id);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Approver approver() {
        CurrentUser me = users.require();
        return new Approver(me.id(), me.displayName(), me.position());
    }

    private void notifyNext(AdvanceCompensation a, Set<String> positions) {
        for (long recipient : parties.withPositions(positions)) {
            notifications.notify(recipient, Text.of("texts.notify.compensation-to-approve", a.getCode()),
                    Text.of("texts.notify.compensation-body", a.getCustomerName(), Text.Arg.money(a.getAmount()), a.getReason()),
                    "/compensations/" + a.getId());
        }
    }

    private CompensationDetail change(long id, Step cmd, String kind, Function<AdvanceCompensation, Text> step) {
        AdvanceCompensation a = load(id);
        steps.change(requests, a, cmd == null ? null : cmd.version(), kind, () -> step.apply(a));
        return detail(id);
    }

    private AdvanceCompensation load(long id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }
}
