package com.careloop.customer.purchase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.Auditable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A purchase or installed product of a customer, with its 三包 warranty terms and end date. */
@Entity
@Table(name = "purchase")
class Purchase implements Auditable {

    /** What was sold, as one value so the API, the page and the import apply the same rules. */
    record Sale(String product, String model, String serialNo, String batchNo, LocalDate saleDate,
                LocalDate deliveryDate, String warrantyTerms, LocalDate warrantyEnd) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long customerId;
    private String product;
    private String model;
    private String serialNo;
    private String batchNo;
    private LocalDate saleDate;
    private LocalDate deliveryDate;
    private String warrantyTerms;
    private LocalDate warrantyEnd;
    @Enumerated(EnumType.STRING)
    private PurchaseSource source;
    private String externalRef;
    private Instant createdAt;

    protected Purchase() {
    }

    static Purchase of(long customerId, Sale sale, PurchaseSource source, String externalRef, Instant now) {
        Purchase p = new Purchase();
        p.customerId = customerId;
        p.product = sale.product();
        p.model = sale.model();
        p.serialNo = sale.serialNo();
        p.batchNo = sale.batchNo();
        p.saleDate = sale.saleDate();
        p.deliveryDate = sale.deliveryDate();
        p.warrantyTerms = sale.warrantyTerms();
        p.warrantyEnd = sale.warrantyEnd() != null ? sale.warrantyEnd()
                : WarrantyTerms.parse(sale.warrantyTerms()).repairEnd(sale.saleDate(), sale.deliveryDate());
        p.source = source;
        p.externalRef = externalRef;
        p.createdAt = now;
        return p;
    }

    @Override
    public String auditType() {
        return "purchase";
    }

    @Override
    public String auditId() {
        return String.valueOf(id);
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("customerId", customerId);
        s.put("product", product);
        s.put("model", model);
        s.put("serialNo", serialNo);
        s.put("batchNo", batchNo);
        s.put("saleDate", saleDate);
        s.put("deliveryDate", deliveryDate);
        s.put("warrantyTerms", warrantyTerms);
        s.put("warrantyEnd", warrantyEnd);
        s.put("source", source);
        s.put("externalRef", externalRef);
        return s;
    }

    Long getId() { return id; }
}
