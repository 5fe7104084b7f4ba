package com.careloop.contract.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ContractPermissions;
import com.careloop.contract.Contracts;
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

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shipping plan (出货计划, seed 002-A17 §5.4 "业务部依据顾客交货期的要求，安排出货计划。并提供正确的《客户合同》，
 * 《生产单》，《纸箱单》给发货员组织发货"): sales plans shipments of an accepted contract (or one in production) by the
 * customer's required delivery date and hands each to a shipper, who finds it in the home page's work, prints the pack
 * (the contract, the production task notice, the carton list) and records it shipped; the contract's delivery progress
 * follows, and the contract is delivered when every line is shipped in full. The bean {@code contractShipments} is
 * what the contract page reads.
 */
@Service("contractShipments")
@Transactional
public class ContractShipments {

    public static final String NUMBER_TYPE = "contract-shipment";
    public static final String PAGE = "/shipments";

    /** A shipment's line as shown: planned and shipped quantity, cartons for the carton list. */
    public record Line(int lineNo, String product, String spec, String unit, BigDecimal quantity,
                       BigDecimal shippedQuantity, Integer unitsPerCarton, Long cartons, String marks) {
    }

    /** A shipment as the pages, the API and the carton list show it. */
    public record View(long id, String number, long contractId, String contractNumber, String customerName,
                       String customerNumber, LocalDate requiredDate, ContractShipment.Status status,
                       LocalDate plannedDate, boolean overdue, String lateReason, String carrier, String vehicle,
                       long shipperId, String shipperName, String plannedBy, OffsetDateTime plannedAt,
                       LocalDate shippedOn, String deliveryNote, String shippedBy, OffsetDateTime shippedAt,
                       String cancelReason, String cancelledBy, OffsetDateTime cancelledAt, List<Line> lines,
                       Long noticeId, String noticeNumber, boolean shippable, long version) {

        public long totalCartons() {
            return lines.stream().map(Line::cartons).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
        }
    }

    /** One contract line's delivery progress: ordered, planned (open shipments), shipped. */
    public record Progress(int lineNo, String product, String spec, String unit, BigDecimal ordered,
                           BigDecimal planned, BigDecimal shipped, boolean complete) {
    }

    /** One row of the shipping plan list. */
    public record Row(long id, String number, long contractId, String contractNumber, long customerId,
                      String customerName, LocalDate requiredDate, ContractShipment.Status status,
                      LocalDate plannedDate, boolean overdue, long shipperId, String shipperName, String carrier,
                      LocalDate shippedOn, String deliveryNote) {
    }

    /** The list's filters (all optional). */
    public record Filter(Long shipperId, Long customerId, String q, ContractShipment.Status status, LocalDate from,
                         LocalDate to) {
    }

    public record Plan(LocalDate plannedDate, String lateReason, String carrier, String vehicle, Long shipperId,
                       List<ContractShipment.PlanLine> lines) {
    }

    public record Ship(LocalDate shippedOn, String deliveryNote, List<ContractShipment.ShipLine> lines, Long version) {
    }

    public record Cancel(String reason, Long version) {
    }

    /** A change of a planned shipment: the day (and late reason), the lines given (others unchanged), the version. */
    public record Edit(LocalDate plannedDate, String lateReason, List<ContractShipment.PlanLine> lines, Long version) {
    }

    /** At most this many rows in the list and its export. */
    static final int MAX_ROWS = 2000;

    private final ContractShipmentRepository shipments;
    private final ContractRepository contractRows;
    private final ProductionNoticeRepository notices;
    private final Contracts contracts;
    private final CurrentUsers users;
    private final OrgDirectory org;
    private final RecordNumbers numbers;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final EntityManager entities;
    private final Clock clock;
    private final ZoneId zone;

    ContractShipments(ContractShipmentRepository shipments, ContractRepository contractRows,
                      ProductionNoticeRepository notices, Contracts contracts, CurrentUsers users, OrgDirectory org,
                      RecordNumbers numbers, AuditTrail audit, Notifications notifications, JdbcClient jdbc,
                      EntityManager entities, Clock clock, CareLoopProperties platform) {
        this.entities = entities;
        this.shipments = shipments;
        this.contractRows = contractRows;
        this.notices = notices;
        this.contracts = contracts;
        this.users = users;
        this.org = org;
        this.numbers = numbers;
        this.audit = audit;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    /**
     * Plans a shipment (422 naming the field, 409 when the contract is not accepted or in production; nothing saved).
     * The contract is locked while its lines' totals are checked, so two plans at once never exceed a line. The
     * shipper is notified and finds it in their work until it is shipped or cancelled.
     */
    public View plan(long contractId, Plan cmd) {
        contracts.contract(contractId);
        Contract c = contractRows.lockById(contractId).orElseThrow(() -> new NotFoundException(Contract.RECORD_TYPE,
                contractId));
        Plan p = cmd == null ? new Plan(null, null, null, null, null, null) : cmd;
        CurrentUser me = users.require();
        Instant now = Instant.now(clock);
        Contract.Actor shipper = null;
        if (p.shipperId() != null) {
            OrgDirectory.User u = org.user(p.shipperId()).filter(OrgDirectory.User::active).orElseThrow(() ->
                    new InvalidInputException("shipperId", "unknown-user", Text.of("error.contract.shipment-shipper",
                            p.shipperId())));
            shipper = new Contract.Actor(u.id(), u.displayName());
        }
        Map<Integer, BigDecimal> committed = new HashMap<>();
        shipments.findByContractIdOrderByPlannedDateAscIdAsc(contractId).forEach(s ->
                s.takes().forEach((no, q) -> committed.merge(no, q, BigDecimal::add)));
        ContractShipment s = ContractShipment.plan(numbers.next(NUMBER_TYPE), c, p.plannedDate(), p.lateReason(),
                p.carrier(), p.vehicle(), p.lines(), committed, shipper, new Contract.Actor(me.id(), me.displayName()),
                now, today(now));
        s = shipments.saveAndFlush(s);
        audit.created(s);
        notifications.notify(s.getShipperId(), Text.of("contract.shipment.notify.title", s.getNumber()),
                Text.of("contract.shipment.notify.body", c.getNumber(), c.getCustomerName(),
                        Text.Arg.date(s.getPlannedDate())), PAGE + "/" + s.getId());
        return view(s, c);
    }

    /**
     * The shipper (or sales, {@code contract:register}) records the shipment shipped; a stale version → 409. When every
     * line of the contract is then shipped in full, the contract is delivered (audited on the contract).
     */
    public View ship(long contractId, long shipmentId, Ship cmd) {
        Ship r = cmd == null ? new Ship(null, null, null, null) : cmd;
        ContractShipment s = load(contractId, shipmentId);
        Versions.requireCurrentIfGiven(r.version(), s.getVersion(), ContractShipment.RECORD_TYPE, shipmentId);
        CurrentUser me = users.require();
        if (me.id() != s.getShipperId() && !me.can(ContractPermissions.REGISTER)) {
            throw DomainException.of("contract.shipment-not-shipper", s.getNumber(), s.getShipperName());
        }
        Instant now = Instant.now(clock);
        var before = s.auditState();
        s.ship(r.shippedOn(), r.deliveryNote(), r.lines(), new Contract.Actor(me.id(), me.displayName()), now,
                today(now));
        shipments.saveAndFlush(s);
        audit.changed(s, "SHIP", before);
        Contract c = contractRows.lockById(contractId).orElseThrow();
        if (progress(c).stream().allMatch(Progress::complete)) {
            var contractBefore = c.auditState();
            c.shippedInFull();
            contractRows.saveAndFlush(c);
            audit.changed(c, "DELIVER", contractBefore);
        }
        return view(s, c);
    }

    /**
     * Sales changes a planned shipment (422 naming the field, 409 once shipped or cancelled, version required and a
     * stale one 409; nothing saved on a refusal). The contract is locked while its lines' totals are checked, as when
     * planning. The shipper is told of the change.
     */
    public View edit(long contractId, long shipmentId, Edit cmd) {
        Edit e = cmd == null ? new Edit(null, null, null, null) : cmd;
        contracts.contract(contractId);
        Contract c = contractRows.lockById(contractId).orElseThrow(() -> new NotFoundException(Contract.RECORD_TYPE,
                contractId));
        ContractShipment s = load(contractId, shipmentId);
        Versions.requireCurrent(e.version(), s.getVersion(), ContractShipment.RECORD_TYPE, shipmentId);
        Map<Integer, BigDecimal> others = new HashMap<>();
        shipments.findByContractIdOrderByPlannedDateAscIdAsc(contractId).stream()
                .filter(o -> !o.getId().equals(s.getId()))
                .forEach(o -> o.takes().forEach((no, q) -> others.merge(no, q, BigDecimal::add)));
        var before = s.auditState();
        Instant now = Instant.now(clock);
        s.edit(c, e.plannedDate(), e.lateReason(), e.lines(), others, today(now));
        // a change of the lines alone leaves the shipment's own row clean: its version is raised all the same
        entities.lock(s, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        shipments.saveAndFlush(s);
        audit.changed(s, "UPDATE", before);
        notifications.notify(s.getShipperId(), Text.of("contract.shipment.notify.changed.title", s.getNumber()),
                Text.of("contract.shipment.notify.changed.body", c.getNumber(), c.getCustomerName(),
                        Text.Arg.date(s.getPlannedDate())), PAGE + "/" + s.getId());
        return view(s, c);
    }

    /** Sales cancels a planned shipment with a reason; a stale version → 409. */
    public View cancel(long contractId, long shipmentId, Cancel cmd) {
        Cancel r = cmd == null ? new Cancel(null, null) : cmd;
        ContractShipment s = load(contractId, shipmentId);
        Versions.requireCurrentIfGiven(r.version(), s.getVersion(), ContractShipment.RECORD_TYPE, shipmentId);
        CurrentUser me = users.require();
        var before = s.auditState();
        s.cancel(r.reason(), new Contract.Actor(me.id(), me.displayName()), Instant.now(clock));
        shipments.saveAndFlush(s);
        audit.changed(s, "CANCEL", before);
        return view(s, contracts.contract(contractId));
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    /** The contract's shipments by planned date (the reader's access to the contract is checked). */
    @Transactional(readOnly = true)
    public List<View> of(long contractId) {
        Contract c = contracts.contract(contractId);
        return shipments.findByContractIdOrderByPlannedDateAscIdAsc(contractId).stream().map(s -> view(s, c)).toList();
    }

    @Transactional(readOnly = true)
    public View get(long contractId, long shipmentId) {
        ContractShipment s = load(contractId, shipmentId);
        return view(s, contracts.contract(contractId));
    }

    /** A shipment by its id alone (the shipment page, the carton list). */
    @Transactional(readOnly = true)
    public View get(long shipmentId) {
        ContractShipment s = shipments.findById(shipmentId).orElseThrow(() ->
                new NotFoundException(ContractShipment.RECORD_TYPE, shipmentId));
        return view(s, contracts.contract(s.getContractId()));
    }

    /** The contract's delivery progress per line: ordered, planned in open shipments, shipped. */
    @Transactional(readOnly = true)
    public List<Progress> progress(long contractId) {
        return progress(contracts.contract(contractId));
    }

    private List<Progress> progress(Contract c) {
        Map<Integer, BigDecimal> planned = new HashMap<>();
        Map<Integer, BigDecimal> shipped = new HashMap<>();
        for (ContractShipment s : shipments.findByContractIdOrderByPlannedDateAscIdAsc(c.getId())) {
            for (ContractShipmentLine l : s.getLines()) {
                if (s.getStatus() == ContractShipment.Status.PLANNED) {
                    planned.merge(l.getLineNo(), l.getQuantity(), BigDecimal::add);
                } else if (s.getStatus() == ContractShipment.Status.SHIPPED) {
                    shipped.merge(l.getLineNo(), l.getShippedQuantity(), BigDecimal::add);
                }
            }
        }
        return c.getLines().stream().map(l -> {
            BigDecimal done = shipped.getOrDefault(l.getLineNo(), BigDecimal.ZERO);
            return new Progress(l.getLineNo(), l.getProduct(), l.getSpec(), l.getUnit(), l.getQuantity(),
                    planned.getOrDefault(l.getLineNo(), BigDecimal.ZERO), done, done.compareTo(l.getQuantity()) >= 0);
        }).toList();
    }

    /**
     * The shipping plan: shipments by planned date (then number), filtered; those of contracts within the reader's
     * data scope and those the reader ships. At most {@link #MAX_ROWS}.
     */
    @Transactional(readOnly = true)
    public List<Row> list(Filter f) {
        CurrentUser me = users.require();
        Filter filter = f == null ? new Filter(null, null, null, null, null, null) : f;
        var scope = me.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by");
        StringBuilder sql = new StringBuilder("""
                select s.id, s.number, s.contract_id, c.number as contract_number, c.customer_id, c.customer_name,
                       c.delivery_date, s.status, s.planned_date, s.shipper_id, s.shipper_name, s.carrier, s.shipped_on,
                       s.delivery_note
                from contract_shipment s join contract c on c.id = s.contract_id
                where ((""").append(scope.sql()).append(") or s.shipper_id = :me)");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("me", me.id());
        if (filter.shipperId() != null) {
            sql.append(" and s.shipper_id = :shipper");
            params.put("shipper", filter.shipperId());
        }
        if (filter.customerId() != null) {
            sql.append(" and c.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            sql.append(" and s.planned_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and s.planned_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (lower(c.customer_name) like :q or lower(c.number) like :q or lower(s.number) like :q)");
            params.put("q", "%" + filter.q().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by s.planned_date, s.id limit ").append(MAX_ROWS);
        LocalDate today = today(Instant.now(clock));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, today)).list();
    }

    /** The signed-in shipper's planned shipments: how many, and how many are due today or overdue. */
    @Transactional(readOnly = true)
    public long[] awaiting(long userId) {
        LocalDate today = today(Instant.now(clock));
        return jdbc.sql("""
                select count(*), coalesce(sum(case when planned_date <= :today then 1 else 0 end), 0)
                from contract_shipment where shipper_id = :me and status = 'PLANNED'""")
                .param("me", userId).param("today", today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** For the plan form: the active people who can be the shipper. */
    @Transactional(readOnly = true)
    public List<OrgDirectory.User> shippers() {
        return org.activeUsersWithPermission(ContractPermissions.VIEW);
    }

    public ContractShipment.Status[] statuses() {
        return ContractShipment.Status.values();
    }

    public LocalDate today() {
        return today(Instant.now(clock));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ContractShipment load(long contractId, long shipmentId) {
        contracts.contract(contractId);
        return shipments.findById(shipmentId).filter(s -> s.getContractId() == contractId)
                .orElseThrow(() -> new NotFoundException(ContractShipment.RECORD_TYPE, shipmentId));
    }

    private View view(ContractShipment s, Contract c) {
        LocalDate today = today(Instant.now(clock));
        ProductionNotice notice = notices.findByContractIdOrderByIdDesc(c.getId()).stream().findFirst().orElse(null);
        CurrentUser me = users.current().orElse(null);
        boolean shippable = s.getStatus() == ContractShipment.Status.PLANNED && me != null
                && (me.id() == s.getShipperId() || me.can(ContractPermissions.REGISTER));
        List<Line> lines = new ArrayList<>();
        for (ContractShipmentLine l : s.getLines()) {
            BigDecimal q = l.getShippedQuantity() != null ? l.getShippedQuantity() : l.getQuantity();
            lines.add(new Line(l.getLineNo(), l.getProduct(), l.getSpec(), l.getUnit(), l.getQuantity(),
                    l.getShippedQuantity(), l.getUnitsPerCarton(), ContractShipment.cartons(q, l.getUnitsPerCarton()),
                    l.getMarks()));
        }
        return new View(s.getId(), s.getNumber(), c.getId(), c.getNumber(), c.getCustomerName(),
                c.getCustomerNumber(), c.getDeliveryDate(), s.getStatus(), s.getPlannedDate(), s.isOverdue(today),
                s.getLateReason(), s.getCarrier(), s.getVehicle(), s.getShipperId(), s.getShipperName(),
                s.getPlannedByName(), odt(s.getPlannedAt()), s.getShippedOn(), s.getDeliveryNote(),
                s.getShippedByName(), odt(s.getShippedAt()), s.getCancelReason(), s.getCancelledByName(),
                odt(s.getCancelledAt()), lines, notice == null ? null : notice.getId(),
                notice == null ? null : notice.getNumber(), shippable, s.getVersion());
    }

    private Row row(ResultSet rs, LocalDate today) throws SQLException {
        ContractShipment.Status status = ContractShipment.Status.valueOf(rs.getString("status"));
        LocalDate planned = rs.getObject("planned_date", LocalDate.class);
        return new Row(rs.getLong("id"), rs.getString("number"), rs.getLong("contract_id"),
                rs.getString("contract_number"), rs.getLong("customer_id"), rs.getString("customer_name"),
                rs.getObject("delivery_date", LocalDate.class), status, planned,
                status == ContractShipment.Status.PLANNED && planned.isBefore(today), rs.getLong("shipper_id"),
                rs.getString("shipper_name"), rs.getString("carrier"), rs.getObject("shipped_on", LocalDate.class),
                rs.getString("delivery_note"));
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    private OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
