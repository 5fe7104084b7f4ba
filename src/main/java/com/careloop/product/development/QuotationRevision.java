package com.careloop.product.development;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An earlier revision of a development's quotation (新品报价单), kept when finance quoted again: its form, the
 * customer's answer to it (a rejection) and why it closed — {@code REJECTED} or {@code EXPIRED}.
 */
@Entity
@Table(name = "product_quotation_revision")
public class QuotationRevision {

    public static final String REJECTED = "REJECTED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "development_id")
    private ProductDevelopment development;
    private int revision;
    private String quotation;
    private String answer;
    private String outcome;
    private String closedByName;
    private Instant closedAt;

    protected QuotationRevision() {
    }

    QuotationRevision(ProductDevelopment development, int revision, String quotation, String answer, String outcome,
                      String closedByName, Instant closedAt) {
        this.development = development;
        this.revision = revision;
        this.quotation = quotation;
        this.answer = answer;
        this.outcome = outcome;
        this.closedByName = closedByName;
        this.closedAt = closedAt;
    }

    public int getRevision() {
        return revision;
    }

    public String getQuotation() {
        return quotation;
    }

    public String getAnswer() {
        return answer;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getClosedByName() {
        return closedByName;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
