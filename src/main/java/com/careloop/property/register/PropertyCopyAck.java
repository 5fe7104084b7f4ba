package com.careloop.property.register;

import java.time.Instant;

import com.careloop.platform.DomainException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A department's acknowledgement of a copy of a customer document's revision (ISO 9001 7.5.3, 004-C4): {@code RECEIPT}
 * when the revision is distributed to it, {@code RETURN} (copies returned or destroyed) when the revision is superseded
 * or withdrawn. Open until one member of the department confirms it, once.
 */
@Entity
@Table(name = "customer_property_copy_ack")
public class PropertyCopyAck {

    /** The audit trail's record type of the job's reminders (per department). */
    public static final String RECORD_TYPE = "customer-property-copy-ack";
    public static final String RECEIPT = "RECEIPT";
    public static final String RETURN = "RETURN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "revision_id")
    private PropertyRevision revision;
    private long itemId;
    private String kind;
    private long departmentId;
    private Instant requestedAt;
    private Long confirmedById;
    private String confirmedBy;
    private Instant confirmedAt;
    private String note;

    protected PropertyCopyAck() {
    }

    PropertyCopyAck(PropertyRevision revision, long itemId, String kind, long departmentId, Instant now) {
        this.revision = revision;
        this.itemId = itemId;
        this.kind = kind;
        this.departmentId = departmentId;
        this.requestedAt = now;
    }

    /** A member of the department confirms: once (409 when already confirmed). */
    void confirm(long byId, String byName, String note, Instant now) {
        if (confirmedAt != null) {
            throw new DomainException("property.copy-confirmed", Text.of("error.property.copy-confirmed",
                    revision.getRevision(), confirmedBy));
        }
        this.confirmedById = byId;
        this.confirmedBy = byName;
        this.note = note;
        this.confirmedAt = now;
    }

    public boolean isOutstanding() {
        return confirmedAt == null;
    }

    public Long getId() { return id; }
    public PropertyRevision getRevision() { return revision; }
    public long getItemId() { return itemId; }
    public String getKind() { return kind; }
    public long getDepartmentId() { return departmentId; }
    public Instant getRequestedAt() { return requestedAt; }
    public Long getConfirmedById() { return confirmedById; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public String getNote() { return note; }
}
