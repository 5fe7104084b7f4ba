package com.careloop.property.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.property.PropertyCondition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A six-monthly inspection task (每半年检查一次) of one item for one period, opened by the job for the owning
 * department (one per item and period: unique key), and its result: present, condition, note.
 */
@Entity
@Table(name = "customer_property_inspection")
public class PropertyInspection implements Auditable {

    public static final String RECORD_TYPE = "customer-property-inspection";
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long itemId;
    private LocalDate periodStart;
    private long departmentId;
    private LocalDate dueOn;
    private String status;
    private Boolean present;
    @Enumerated(EnumType.STRING)
    @Column(name = "item_condition")
    private PropertyCondition condition;
    private String note;
    private String inspectedBy;
    private Instant inspectedAt;
    private Instant escalatedAt;
    private Instant createdAt;
    @Version
    private long version;

    protected PropertyInspection() {
    }

    /** A task as the job opens it (tests and demo data; the job itself inserts set-based). */
    public static PropertyInspection open(long itemId, LocalDate periodStart, long departmentId, LocalDate dueOn,
                                          Instant now) {
        PropertyInspection t = new PropertyInspection();
        t.itemId = itemId;
        t.periodStart = periodStart;
        t.departmentId = departmentId;
        t.dueOn = dueOn;
        t.status = OPEN;
        t.createdAt = now;
        return t;
    }

    /** Records the result; not present means LOST. Once only. */
    public void record(Boolean present, PropertyCondition condition, String note, String actor, Instant now) {
        if (!OPEN.equals(status)) {
            throw new DomainException("property.inspection-done", Text.of("error.property.inspection-done"));
        }
        Check.required("present", present);
        PropertyCondition c = condition;
        if (!present) {
            if (c != null && c != PropertyCondition.LOST) {
                throw new InvalidInputException("condition", "lost-when-absent",
                        Text.of("error.property.absent-is-lost"));
            }
            c = PropertyCondition.LOST;
        }
        Check.required("condition", c);
        if (present && c == PropertyCondition.LOST) {
            throw new InvalidInputException("condition", "lost-when-absent", Text.of("error.property.absent-is-lost"));
        }
        this.note = Check.optional("note", note, 2000);
        if (c != PropertyCondition.GOOD && this.note == null) {
            throw new InvalidInputException("note", "required-when-not-good", Text.of("error.property.finding-needs-note"));
        }
        this.present = present;
        this.condition = c;
        this.inspectedBy = actor;
        this.inspectedAt = now;
        this.status = DONE;
    }

    public boolean overdue(LocalDate today) {
        return OPEN.equals(status) && dueOn.isBefore(today);
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", itemId);
        m.put("periodStart", periodStart);
        m.put("departmentId", departmentId);
        m.put("dueOn", dueOn);
        m.put("status", status);
        m.put("present", present);
        m.put("condition", condition);
        m.put("note", note);
        return m;
    }

    public Long getId() { return id; }
    public long getItemId() { return itemId; }
    public LocalDate getPeriodStart() { return periodStart; }
    public long getDepartmentId() { return departmentId; }
    public LocalDate getDueOn() { return dueOn; }
    public String getStatus() { return status; }
    public Boolean getPresent() { return present; }
    public PropertyCondition getCondition() { return condition; }
    public String getNote() { return note; }
    public String getInspectedBy() { return inspectedBy; }
    public Instant getInspectedAt() { return inspectedAt; }
    public long getVersion() { return version; }
}
