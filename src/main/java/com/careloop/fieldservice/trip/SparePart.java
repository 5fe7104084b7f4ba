package com.careloop.fieldservice.trip;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A spare part issued for the trip and how much of it was used on site (never more than issued). */
@Entity
@Table(name = "field_service_part")
public class SparePart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "service_id")
    private FieldService service;
    private String name;
    private String unit;
    @Column(precision = 14, scale = 3)
    private BigDecimal issued;
    @Column(precision = 14, scale = 3)
    private BigDecimal used;

    protected SparePart() {
    }

    SparePart(FieldService service, String name, String unit, BigDecimal issued) {
        this.service = service;
        this.name = name;
        this.unit = unit;
        this.issued = issued;
        this.used = BigDecimal.ZERO;
    }

    void use(BigDecimal quantity) {
        this.used = quantity;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getIssued() {
        return issued;
    }

    public BigDecimal getUsed() {
        return used;
    }
}
