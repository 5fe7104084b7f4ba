package com.careloop.contract.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.ContractStatus;
import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One planned shipment of a contract (出货计划, seed 002-A17 §5.4): sales plans it by the customer's required delivery
 * date for a shipper (发货员), who ships it with the customer contract, the production task notice and the carton
 * list (纸箱单); or sales cancels it. Its lines name the contract's lines by line number.
 */
@Entity
@Table(name = "contract_shipment")
public class ContractShipment implements Auditable {

    public static final String RECORD_TYPE = "contract-shipment";

    /** Planned → shipped, or cancelled. */
    public enum Status { PLANNED, SHIPPED, CANCELLED }

    /** A planned line: the contract's line number, the quantity, and for the carton list units per carton and marks. */
    public record PlanLine(Integer lineNo, BigDecimal quantity, Integer unitsPerCarton, String marks) {
    }

    /** A shipped line: the contract's line number and the quantity actually shipped. */
    public record ShipLine(Integer lineNo, BigDecimal quantity) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    private long contractId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate plannedDate;
    private String lateReason;
    private String carrier;
    private String vehicle;
    private long shipperId;
    private String shipperName;
    private long plannedBy;
    private String plannedByName;
    private Instant plannedAt;
    private LocalDate shippedOn;
    private String deliveryNote;
    private String shippedByName;
    private Instant shippedAt;
    private String cancelReason;
    private String cancelledByName;
    private Instant cancelledAt;
    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<ContractShipmentLine> lines = new ArrayList<>();
    @Version
    private long version;

    protected ContractShipment() {
    }

    /**
     * Plans a shipment of an accepted contract or one in production (409 {@code contract.shipment-contract-state}):
     * the day not in the past and not after the customer's required delivery date unless a reason is given (422
     * {@code plannedDate}); at least one line; each a line of the contract, once, with a quantity > 0 of at most 3
     * decimals that keeps the line's planned and shipped total within its ordered quantity (422
     * {@code lines[i].quantity}); units per carton > 0 when given. {@code committed} is what the contract's other
     * shipments already take per line number (planned, or shipped when shipped).
     */
    static ContractShipment plan(String number, Contract c, LocalDate plannedDate, String lateReason, String carrier,
                                 String vehicle, List<PlanLine> lines, Map<Integer, BigDecimal> committed,
                                 Contract.Actor shipper, Contract.Actor by, Instant now, LocalDate today) {
        if (c.getStatus() != ContractStatus.ACCEPTED && c.getStatus() != ContractStatus.IN_PRODUCTION) {
            throw DomainException.of("contract.shipment-contract-state", c.getNumber(),
                    Text.label("contract.status", c.getStatus()));
        }
        ContractShipment s = new ContractShipment();
        s.lateReason = checkDate(c, plannedDate, null, lateReason, today);
        if (shipper == null) {
            throw Contract.required("shipperId");
        }
        if (lines == null || lines.isEmpty()) {
            throw Contract.required("lines");
        }
        Map<Integer, ContractLine> byNo = new HashMap<>();
        c.getLines().forEach(l -> byNo.put(l.getLineNo(), l));
        Map<Integer, BigDecimal> taken = new HashMap<>(committed);
        s.carrier = Contract.clip("carrier", carrier, 200);
        s.vehicle = Contract.clip("vehicle", vehicle, 100);
        for (int i = 0; i < lines.size(); i++) {
            PlanLine p = lines.get(i);
            String field = "lines[" + i + "]";
            if (p == null || p.lineNo() == null) {
                throw Contract.required(field + ".lineNo");
            }
            ContractLine cl = byNo.get(p.lineNo());
            if (cl == null) {
                throw new InvalidInputException(field + ".lineNo", "unknown-line", Text.of(
                        "error.contract.shipment-unknown-line", p.lineNo()));
            }
            if (s.lines.stream().anyMatch(l -> l.getLineNo() == p.lineNo())) {
                throw new InvalidInputException(field + ".lineNo", "duplicate", Text.of(
                        "error.contract.shipment-duplicate-line", p.lineNo()));
            }
            BigDecimal q = p.quantity();
            taken.put(p.lineNo(), checkLine(field, p, cl, taken.getOrDefault(p.lineNo(), BigDecimal.ZERO)));
            s.lines.add(new ContractShipmentLine(s, cl, q, p.unitsPerCarton(), Contract.clip(field + ".marks",
                    p.marks(), 500)));
        }
        s.lines.sort(java.util.Comparator.comparingInt(ContractShipmentLine::getLineNo));
        s.number = number;
        s.contractId = c.getId();
        s.status = Status.PLANNED;
        s.plannedDate = plannedDate;
        s.shipperId = shipper.id();
        s.shipperName = shipper.name();
        s.plannedBy = by.id();
        s.plannedByName = by.name();
        s.plannedAt = now;
        return s;
    }

    /**
     * The planned day: required, not in the past (an edit may keep a day that has passed, {@code unchanged}), and not
     * after the customer's required delivery date unless a reason is given (422 {@code plannedDate}). Returns the
     * reason, clipped.
     */
    private static String checkDate(Contract c, LocalDate plannedDate, LocalDate unchanged, String lateReason,
                                    LocalDate today) {
        if (plannedDate == null) {
            throw Contract.required("plannedDate");
        }
        if (plannedDate.isBefore(today) && !plannedDate.equals(unchanged)) {
            throw new InvalidInputException("plannedDate", "not-past", Text.of("error.contract.shipment-in-past",
                    Text.Arg.date(plannedDate)));
        }
        String reason = Contract.clip("lateReason", lateReason, 1000);
        if (plannedDate.isAfter(c.getDeliveryDate()) && reason == null) {
            throw new InvalidInputException("plannedDate", "after-delivery-date", Text.of(
                    "error.contract.shipment-after-delivery", Text.Arg.date(plannedDate),
                    Text.Arg.date(c.getDeliveryDate())));
        }
        return reason;
    }

    /**
     * One planned line: quantity > 0 with at most 3 decimals that keeps what the contract's shipments take of the line
     * ({@code taken} before this one) within its ordered quantity (422 {@code <field>.quantity}, saying how much is
     * left), units per carton > 0 when given (422 {@code <field>.unitsPerCarton}). Returns the line's new total.
     */
    private static BigDecimal checkLine(String field, PlanLine p, ContractLine cl, BigDecimal taken) {
        BigDecimal q = p.quantity();
        if (q == null) {
            throw Contract.required(field + ".quantity");
        }
        if (q.signum() <= 0 || q.stripTrailingZeros().scale() > 3) {
            throw new InvalidInputException(field + ".quantity", "positive", Text.of(
                    "error.contract.shipment-quantity", q.toPlainString()));
        }
        BigDecimal total = taken.add(q);
        if (total.compareTo(cl.getQuantity()) > 0) {
            BigDecimal left = cl.getQuantity().subtract(taken).max(BigDecimal.ZERO);
            throw new InvalidInputException(field + ".quantity", "above-ordered", Text.of(
                    "error.contract.shipment-above-ordered", cl.getProduct(), q.toPlainString(),
                    left.stripTrailingZeros().toPlainString(), cl.getQuantity().stripTrailingZeros().toPlainString()));
        }
        if (p.unitsPerCarton() != null && p.unitsPerCarton() <= 0) {
            throw new InvalidInputException(field + ".unitsPerCarton", "positive", Text.of(
                    "error.contract.shipment-units-per-carton", p.unitsPerCarton()));
        }
        return total;
    }

    /**
     * Sales changes a planned shipment (409 {@code contract.shipment-state} once shipped or cancelled): the planned day
     * and its late reason by the same rules as when planning (a day that has passed may be kept), and for the lines
     * given — each one of this shipment's lines, once (422 {@code lines[i].lineNo}) — the quantity (never above what
     * the contract's other shipments leave of the line, {@code others}), the units per carton (none: no carton size)
     * and the marks. Lines not given keep their values. Everything is checked before anything changes.
     */
    void edit(Contract c, LocalDate newDate, String newLateReason, List<PlanLine> changed,
              Map<Integer, BigDecimal> others, LocalDate today) {
        requirePlanned("edit");
        String reason = checkDate(c, newDate, plannedDate, newLateReason, today);
        Map<Integer, ContractLine> byNo = new HashMap<>();
        c.getLines().forEach(l -> byNo.put(l.getLineNo(), l));
        Map<ContractShipmentLine, PlanLine> updates = new LinkedHashMap<>();
        List<PlanLine> given = changed == null ? List.of() : changed;
        for (int i = 0; i < given.size(); i++) {
            PlanLine p = given.get(i);
            String field = "lines[" + i + "]";
            if (p == null || p.lineNo() == null) {
                throw Contract.required(field + ".lineNo");
            }
            ContractShipmentLine line = lines.stream().filter(l -> l.getLineNo() == p.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidInputException(field + ".lineNo", "unknown-line",
                            Text.of("error.contract.shipment-unknown-line", p.lineNo())));
            if (updates.containsKey(line)) {
                throw new InvalidInputException(field + ".lineNo", "duplicate", Text.of(
                        "error.contract.shipment-duplicate-line", p.lineNo()));
            }
            checkLine(field, p, byNo.get(p.lineNo()), others.getOrDefault(p.lineNo(), BigDecimal.ZERO));
            updates.put(line, new PlanLine(p.lineNo(), p.quantity(), p.unitsPerCarton(),
                    Contract.clip(field + ".marks", p.marks(), 500)));
        }
        plannedDate = newDate;
        lateReason = reason;
        updates.forEach((line, p) -> line.replan(p.quantity(), p.unitsPerCarton(), p.marks()));
    }

    /**
     * The shipper records the shipment shipped: the actual day (not in the future, 422 {@code shippedOn}), the
     * delivery note or tracking number (422 {@code deliveryNote}), the actual quantity per line (none given: as
     * planned; each ≥ 0 and at most the planned quantity, 422 {@code lines[i].quantity}; not all zero). Only a planned
     * shipment (409 {@code contract.shipment-state}).
     */
    void ship(LocalDate on, String note, List<ShipLine> actual, Contract.Actor by, Instant now, LocalDate today) {
        requirePlanned("ship");
        if (on == null) {
            throw Contract.required("shippedOn");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("shippedOn", "not-future", Text.of("error.contract.shipment-shipped-future",
                    Text.Arg.date(on)));
        }
        String n = Contract.clip("deliveryNote", note, 200);
        if (n == null) {
            throw Contract.required("deliveryNote");
        }
        Map<Integer, BigDecimal> shipped = new HashMap<>();
        if (actual == null || actual.isEmpty()) {
            lines.forEach(l -> shipped.put(l.getLineNo(), l.getQuantity()));
        } else {
            for (int i = 0; i < actual.size(); i++) {
                ShipLine a = actual.get(i);
                String field = "lines[" + i + "]";
                if (a == null || a.lineNo() == null) {
                    throw Contract.required(field + ".lineNo");
                }
                ContractShipmentLine l = lines.stream().filter(x -> x.getLineNo() == a.lineNo()).findFirst()
                        .orElseThrow(() -> new InvalidInputException(field + ".lineNo", "unknown-line",
                                Text.of("error.contract.shipment-unknown-line", a.lineNo())));
                if (a.quantity() == null) {
                    throw Contract.required(field + ".quantity");
                }
                if (a.quantity().signum() < 0 || a.quantity().compareTo(l.getQuantity()) > 0
                        || a.quantity().stripTrailingZeros().scale() > 3) {
                    throw new InvalidInputException(field + ".quantity", "above-planned", Text.of(
                            "error.contract.shipment-above-planned", l.getProduct(), a.quantity().toPlainString(),
                            l.getQuantity().stripTrailingZeros().toPlainString()));
                }
                shipped.put(a.lineNo(), a.quantity());
            }
        }
        if (shipped.values().stream().allMatch(q -> q.signum() == 0)) {
            throw new InvalidInputException("lines", "nothing-shipped", Text.of("error.contract.shipment-nothing"));
        }
        lines.forEach(l -> l.shipped(shipped.getOrDefault(l.getLineNo(), BigDecimal.ZERO)));
        status = Status.SHIPPED;
        shippedOn = on;
        deliveryNote = n;
        shippedByName = by.name();
        shippedAt = now;
    }

    /** Sales cancels a planned shipment with a reason (422 {@code reason}); only a planned one (409). */
    void cancel(String reason, Contract.Actor by, Instant now) {
        requirePlanned("cancel");
        String r = Contract.clip("reason", reason, 1000);
        if (r == null) {
            throw Contract.required("reason");
        }
        status = Status.CANCELLED;
        cancelReason = r;
        cancelledByName = by.name();
        cancelledAt = now;
    }

    private void requirePlanned(String step) {
        if (status != Status.PLANNED) {
            throw DomainException.of("contract.shipment-state", number, Text.label("contract.shipment.step", step),
                    Text.label("contract.shipment.status", status));
        }
    }

    /** What this shipment takes of each contract line: nothing when cancelled, the shipped quantity once shipped. */
    Map<Integer, BigDecimal> takes() {
        Map<Integer, BigDecimal> m = new HashMap<>();
        if (status != Status.CANCELLED) {
            lines.forEach(l -> m.put(l.getLineNo(), status == Status.SHIPPED ? l.getShippedQuantity() : l.getQuantity()));
        }
        return m;
    }

    /** Cartons for a quantity (纸箱单): quantity / units per carton rounded up; null without units per carton. */
    public static Long cartons(BigDecimal quantity, Integer unitsPerCarton) {
        if (quantity == null || unitsPerCarton == null || unitsPerCarton <= 0) {
            return null;
        }
        return quantity.divide(BigDecimal.valueOf(unitsPerCarton), 0, RoundingMode.CEILING).longValueExact();
    }

    public boolean isOverdue(LocalDate today) {
        return status == Status.PLANNED && plannedDate.isBefore(today);
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", number);
        s.put("contractId", contractId);
        s.put("status", status);
        s.put("plannedDate", plannedDate);
        s.put("lateReason", lateReason);
        s.put("carrier", carrier);
        s.put("vehicle", vehicle);
        s.put("shipper", shipperName);
        s.put("lines", lines.stream().map(l -> l.getLineNo() + ":" + l.getQuantity().toPlainString()
                + (l.getShippedQuantity() == null ? "" : "/" + l.getShippedQuantity().toPlainString())
                + (l.getUnitsPerCarton() == null ? "" : " @" + l.getUnitsPerCarton())).toList());
        s.put("shippedOn", shippedOn);
        s.put("deliveryNote", deliveryNote);
        s.put("cancelReason", cancelReason);
        return s;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public long getContractId() { return contractId; }
    public Status getStatus() { return status; }
    public LocalDate getPlannedDate() { return plannedDate; }
    public String getLateReason() { return lateReason; }
    public String getCarrier() { return carrier; }
    public String getVehicle() { return vehicle; }
    public long getShipperId() { return shipperId; }
    public String getShipperName() { return shipperName; }
    public String getPlannedByName() { return plannedByName; }
    public Instant getPlannedAt() { return plannedAt; }
    public LocalDate getShippedOn() { return shippedOn; }
    public String getDeliveryNote() { return deliveryNote; }
    public String getShippedByName() { return shippedByName; }
    public Instant getShippedAt() { return shippedAt; }
    public String getCancelReason() { return cancelReason; }
    public String getCancelledByName() { return cancelledByName; }
    public Instant getCancelledAt() { return cancelledAt; }
    public List<ContractShipmentLine> getLines() { return List.copyOf(lines); }
    public long getVersion() { return version; }
}
