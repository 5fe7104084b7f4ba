package com.careloop.property.sample;

import jakarta.persistence.Embeddable;

/** One measured characteristic of a sample inspection report: requirement, measured value, OK/NG. */
@Embeddable
public class SampleMeasurement {

    private String characteristic;
    private String requirement;
    private String measured;
    private boolean ok;

    protected SampleMeasurement() {
    }

    SampleMeasurement(String characteristic, String requirement, String measured, boolean ok) {
        this.characteristic = characteristic;
        this.requirement = requirement;
        this.measured = measured;
        this.ok = ok;
    }

    public String getCharacteristic() { return characteristic; }
    public String getRequirement() { return requirement; }
    public String getMeasured() { return measured; }
    public boolean isOk() { return ok; }
}
