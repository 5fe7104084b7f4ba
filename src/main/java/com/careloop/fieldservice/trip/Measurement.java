package com.careloop.fieldservice.trip;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A value measured on site (commissioning data, test results). */
@Entity
@Table(name = "field_service_measurement")
public class Measurement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private String name;
    @jakarta.persistence.Column(name = "measured_value")
    private String value;
    private String unit;
    private String note;

    protected Measurement() {
    }

    Measurement(FieldService service, String name, String value, String unit, String note) {
        this.service = service;
        this.name = name;
        this.value = value;
        this.unit = unit;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    public String getNote() {
        return note;
    }
}
