package com.careloop.property.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * One making round of a sample (round 1; after a failed inspection or the customer's rejection round 2, 3 …): the
 * making, the inspection report, the dispatch and the customer's answer. Changed only through {@link Sample}.
 */
@Entity
@Table(name = "sample_round")
public class SampleRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "sample_id")
    private Sample sample;
    private int roundNo;
    private String reason;
    private LocalDate madeOn;
    @Column(precision = 14, scale = 3)
    private BigDecimal quantityMade;
    private String parameters;
    private String madeBy;
    private String inspectionCode;
    private Boolean inspectionPassed;
    private String inspectorName;
    private LocalDate inspectedOn;
    private String inspectionNote;
    @ElementCollection
    @CollectionTable(name = "sample_measurement", joinColumns = @JoinColumn(name = "round_id"))
    @OrderColumn(name = "line_no")
    private List<SampleMeasurement> measurements = new ArrayList<>();
    private LocalDate receivedOn;
    @Column(precision = 14, scale = 3)
    private BigDecimal quantitySent;
    private LocalDate sentOn;
    private String courier;
    private String trackingNo;
    private String remark;
    private String dispatchedBy;
    private String confirmation;
    private LocalDate confirmedOn;
    private String confirmationNote;
    private String confirmedVia;

    protected SampleRound() {
    }

    SampleRound(Sample sample, int roundNo, String reason) {
        this.sample = sample;
        this.roundNo = roundNo;
        this.reason = reason;
    }

    void made(String parameters, LocalDate madeOn, BigDecimal quantityMade, String by) {
        this.parameters = parameters;
        this.madeOn = madeOn;
        this.quantityMade = quantityMade;
        this.madeBy = by;
    }

    void inspected(String code, boolean passed, List<SampleMeasurement> lines, String inspector, LocalDate on,
                   String note) {
        this.inspectionCode = code;
        this.inspectionPassed = passed;
        this.measurements.clear();
        this.measurements.addAll(lines);
        this.inspectorName = inspector;
        this.inspectedOn = on;
        this.inspectionNote = note;
    }

    void dispatched(LocalDate receivedOn, BigDecimal quantitySent, LocalDate sentOn, String courier, String trackingNo,
                    String remark, String by) {
        this.receivedOn = receivedOn;
        this.quantitySent = quantitySent;
        this.sentOn = sentOn;
        this.courier = courier;
        this.trackingNo = trackingNo;
        this.remark = remark;
        this.dispatchedBy = by;
    }

    void confirmed(boolean approved, LocalDate on, String note, String via) {
        this.confirmation = approved ? Sample.APPROVED : Sample.REJECTED;
        this.confirmedOn = on;
        this.confirmationNote = note;
        this.confirmedVia = via;
    }

    public Long getId() { return id; }
    public int getRoundNo() { return roundNo; }
    public String getReason() { return reason; }
    public LocalDate getMadeOn() { return madeOn; }
    public BigDecimal getQuantityMade() { return quantityMade; }
    public String getParameters() { return parameters; }
    public String getMadeBy() { return madeBy; }
    public String getInspectionCode() { return inspectionCode; }
    public Boolean getInspectionPassed() { return inspectionPassed; }
    public String getInspectorName() { return inspectorName; }
    public LocalDate getInspectedOn() { return inspectedOn; }
    public String getInspectionNote() { return inspectionNote; }
    public List<SampleMeasurement> getMeasurements() { return measurements; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public BigDecimal getQuantitySent() { return quantitySent; }
    public LocalDate getSentOn() { return sentOn; }
    public String getCourier() { return courier; }
    public String getTrackingNo() { return trackingNo; }
    public String getRemark() { return remark; }
    public String getDispatchedBy() { return dispatchedBy; }
    public String getConfirmation() { return confirmation; }
    public LocalDate getConfirmedOn() { return confirmedOn; }
    public String getConfirmationNote() { return confirmationNote; }
    public String getConfirmedVia() { return confirmedVia; }
}
