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

/** One line of a contract: product, spec/model, quantity, unit, unit price and the amount computed from them. */
@Entity
@Table(name = "contract_line")
public class ContractLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id")
    private Contract contract;
    private int lineNo;
    private String product;
    private String spec;
    private BigDecimal quantity;
    private String unit;
    private BigDecimal unitPrice;
    private BigDecimal amount;
    private String remark;

    protected ContractLine() {
    }

    ContractLine(Contract contract, int lineNo, String product, String spec, BigDecimal quantity, String unit,
                 BigDecimal unitPrice, BigDecimal amount, String remark) {
        this.contract = contract;
        this.lineNo = lineNo;
        this.product = product;
        this.spec = spec;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.amount = amount;
        this.remark = remark;
    }

    public Long getId() { return id; }
    public int getLineNo() { return lineNo; }
    public String getProduct() { return product; }
    public String getSpec() { return spec; }
    public BigDecimal getQuantity() { return quantity; }
    public String getUnit() { return unit; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getAmount() { return amount; }
    public String getRemark() { return remark; }
}
