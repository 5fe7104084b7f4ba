package com.careloop.property.register;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The feedback to the customer after a failed arrival verification (供方质量跟踪反馈记录) and the customer's answer. */
@Entity
@Table(name = "customer_property_feedback")
public class PropertyFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id")
    private PropertyItem item;
    private String issue;
    private Instant sentAt;
    private String sentBy;
    private String answer;
    private LocalDate answeredOn;
    private String recordedBy;
    private Instant recordedAt;

    protected PropertyFeedback() {
    }

    PropertyFeedback(PropertyItem item, String code, String issue, String actor, Instant now) {
        this.item = item;
        this.code = code;
        this.issue = issue;
        this.sentBy = actor;
        this.sentAt = now;
    }

    void answer(String answer, LocalDate on, String actor, Instant now) {
        this.answer = answer;
        this.answeredOn = on;
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    public boolean isAnswered() {
        return answer != null;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getIssue() { return issue; }
    public Instant getSentAt() { return sentAt; }
    public String getSentBy() { return sentBy; }
    public String getAnswer() { return answer; }
    public LocalDate getAnsweredOn() { return answeredOn; }
    public String getRecordedBy() { return recordedBy; }
}
