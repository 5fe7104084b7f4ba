package com.careloop.contract.review;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One line of a shipment: the contract's line (number, product, spec, unit), planned and shipped quantity, cartons. */
@Entity
@Table(name = "contract_shipment_line")
public class ContractShipmentLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shipment_id")
    private ContractShipment shipment;
    private int lineNo;
    private String product;
    private String spec;
    private String unit;
    private BigDecimal quantity;
    private BigDecimal shippedQuantity;
    private Integer unitsPerCarton;
    private String marks;

    protected ContractShipmentLine() {
    }

    ContractShipmentLine(ContractShipment shipment, ContractLine line, BigDecimal quantity, Integer unitsPerCarton,
                         String marks) {
        this.shipment = shipment;
        this.lineNo = line.getLineNo();
        this.product = line.getProduct();
        this.spec = line.getSpec();
        this.unit = line.getUnit();
        this.quantity = quantity;
        this.unitsPerCarton = unitsPerCarton;
        this.marks = marks;
    }

    /** A planned line changed before shipping: quantity, units per carton (none: no carton size), marks. */
    void replan(BigDecimal newQuantity, Integer newUnitsPerCarton, String newMarks) {
        this.quantity = newQuantity;
        this.unitsPerCarton = newUnitsPerCarton;
        this.marks = newMarks;
    }

    void shipped(BigDecimal actual) {
        this.shippedQuantity = actual;
    }

    public int getLineNo() { return lineNo; }
    public String getProduct() { return product; }
    public String getSpec() { return spec; }
    public String getUnit() { return unit; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getShippedQuantity() { return shippedQuantity; }
    public Integer getUnitsPerCarton() { return unitsPerCarton; }
    public String getMarks() { return marks; }
}
