package com.careloop.contract.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The order confirmation (订单确认表 / 口头合同记录表) of a phone or oral order: what sales agreed with the customer
 * (with whom, when, what), waiting for the customer's confirmation — by their personal link (confirm, or ask for a
 * change with a note) or by a signed fax/scan or signature image that sales uploads. Until it is confirmed the order
 * cannot be submitted for review. Asked for a change, sales settles it and prepares the confirmation again (a fresh
 * link; the earlier one stops working).
 */
@Entity
@Table(name = "contract_order_confirmation")
public class OrderConfirmation implements Auditable {

    public static final String RECORD_TYPE = "contract-order-confirmation";

    public enum Status { PENDING, CONFIRMED, CHANGE_REQUESTED }

    /** How the customer confirmed: the personal link, a signed fax or scan, a signature image. */
    public enum Method { LINK, SIGNED_SCAN, SIGNATURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long contractId;
    private String number;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String agreedWith;
    private LocalDate agreedOn;
    private String agreedSummary;
    private String mailedTo;
    private String language;
    private Long linkId;
    private LocalDate linkExpiresOn;
    @Enumerated(EnumType.STRING)
    private Method method;
    private String customerNote;
    private Instant answeredAt;
    private String answeredByName;
    private Long fileId;
    private long createdBy;
    private String createdByName;
    private Instant createdAt;
    @Version
    private long version;

    protected OrderConfirmation() {
    }

    static OrderConfirmation prepare(String number, long contractId, Contract.Actor by, Instant now) {
        OrderConfirmation o = new OrderConfirmation();
        o.number = number;
        o.contractId = contractId;
        o.createdBy = by.id();
        o.createdByName = by.name();
        o.createdAt = now;
        o.status = Status.PENDING;
        return o;
    }

    /**
     * What was agreed orally (with whom — required, when — not in the future, what), and to which address the link is
     * mailed; the confirmation waits for the customer again. Refused once confirmed (409).
     */
    void agreed(String withWhom, LocalDate on, String summary, String mailTo, String language, LocalDate today) {
        if (status == Status.CONFIRMED) {
            throw DomainException.of("contract.order-confirmed", number);
        }
        String who = Contract.clip("agreedWith", withWhom, 200);
        if (who == null) {
            throw Contract.required("agreedWith");
        }
        if (on == null) {
            throw Contract.required("agreedOn");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("agreedOn", "not-future", Text.of("error.contract.agreed-in-future"));
        }
        String mail = Contract.clip("email", mailTo, 200);
        if (mail != null && !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "format", Text.of("error.contract.email-format", mail));
        }
        this.agreedWith = who;
        this.agreedOn = on;
        this.agreedSummary = Contract.clip("summary", summary, 4000);
        this.mailedTo = mail;
        this.language = language;
        this.status = Status.PENDING;
        this.method = null;
        this.customerNote = null;
        this.answeredAt = null;
        this.answeredByName = null;
    }

    void linkIssued(long linkId, LocalDate expiresOn) {
        this.linkId = linkId;
        this.linkExpiresOn = expiresOn;
    }

    /** The customer answered by the link: confirmed, or asks for a change (a note is then required, 422). */
    void answeredByCustomer(boolean confirmed, String note, Instant now) {
        requirePending();
        String text = Contract.clip("note", note, 2000);
        if (!confirmed && text == null) {
            throw new InvalidInputException("note", "required", Text.of("error.contract.change-note-required"));
        }
        this.status = confirmed ? Status.CONFIRMED : Status.CHANGE_REQUESTED;
        this.method = Method.LINK;
        this.customerNote = text;
        this.answeredAt = now;
        this.answeredByName = agreedWith;
    }

    /** Sales recorded the customer's signed fax/scan or signature image (the stored file). */
    void confirmedByDocument(Method how, long fileId, Contract.Actor by, Instant now) {
        requirePending();
        this.status = Status.CONFIRMED;
        this.method = how;
        this.fileId = fileId;
        this.answeredAt = now;
        this.answeredByName = by.name();
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw DomainException.of(status == Status.CONFIRMED ? "contract.order-confirmed"
                    : "contract.order-change-requested", number);
        }
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
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
        s.put("agreedWith", agreedWith);
        s.put("agreedOn", agreedOn);
        s.put("agreedSummary", agreedSummary);
        s.put("mailedTo", mailedTo);
        s.put("linkExpiresOn", linkExpiresOn);
        s.put("method", method);
        s.put("customerNote", customerNote);
        s.put("fileId", fileId);
        return s;
    }

    public Long getId() { return id; }
    public long getContractId() { return contractId; }
    public String getNumber() { return number; }
    public Status getStatus() { return status; }
    public String getAgreedWith() { return agreedWith; }
    public LocalDate getAgreedOn() { return agreedOn; }
    public String getAgreedSummary() { return agreedSummary; }
    public String getMailedTo() { return mailedTo; }
    public String getLanguage() { return language; }
    public Long getLinkId() { return linkId; }
    public LocalDate getLinkExpiresOn() { return linkExpiresOn; }
    public Method getMethod() { return method; }
    public String getCustomerNote() { return customerNote; }
    public Instant getAnsweredAt() { return answeredAt; }
    public String getAnsweredByName() { return answeredByName; }
    public Long getFileId() { return fileId; }
    public String getCreatedByName() { return createdByName; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
