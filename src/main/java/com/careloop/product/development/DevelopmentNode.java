package com.careloop.product.development;

import java.time.Instant;
import java.time.LocalDate;

import com.careloop.product.NodeStatus;
import com.careloop.product.ProductNode;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One node of a development: owner department, opened and due day, who completed it and when, its form (JSON). */
@Entity
@Table(name = "product_development_node")
public class DevelopmentNode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne
    @JoinColumn(name = "development_id")
    private ProductDevelopment development;
    @Enumerated(EnumType.STRING)
    private ProductNode node;
    private int seq;
    private long departmentId;
    @Enumerated(EnumType.STRING)
    private NodeStatus status;
    private LocalDate openedOn;
    private LocalDate dueOn;
    private LocalDate remindOn;
    private Long completedBy;
    private String completedByName;
    private Instant completedAt;
    private LocalDate completedOn;
    private Integer workingDays;
    private String form;

    protected DevelopmentNode() {
    }

    DevelopmentNode(ProductDevelopment development, ProductNode node, long departmentId) {
        this.development = development;
        this.node = node;
        this.seq = node.ordinal() + 1;
        this.departmentId = departmentId;
        this.status = NodeStatus.WAITING;
    }

    void open(LocalDate today, LocalDate due, LocalDate remind) {
        this.status = NodeStatus.OPEN;
        this.openedOn = today;
        this.dueOn = due;
        this.remindOn = remind;
    }

    /** Opens a done node again (the customer's answer to a new quotation revision): its completion is cleared. */
    void reopen(LocalDate today, LocalDate due, LocalDate remind) {
        open(today, due, remind);
        this.form = null;
        this.completedBy = null;
        this.completedByName = null;
        this.completedAt = null;
        this.completedOn = null;
        this.workingDays = null;
    }

    void complete(String form, ProductDevelopment.Actor by, Instant at, LocalDate today, int workingDays) {
        this.status = NodeStatus.DONE;
        this.form = form;
        this.completedBy = by.id();
        this.completedByName = by.name();
        this.completedAt = at;
        this.completedOn = today;
        this.workingDays = workingDays;
    }

    void fill(String form) {
        this.form = form;
    }

    public boolean overdue(LocalDate today) {
        return status == NodeStatus.OPEN && dueOn != null && today.isAfter(dueOn);
    }

    /** Open, 80 % of its lead time passed (its reminder day reached) and not overdue yet: the owners are reminded. */
    public boolean dueSoon(LocalDate today) {
        return status == NodeStatus.OPEN && remindOn != null && !today.isBefore(remindOn) && !overdue(today);
    }

    public LocalDate getRemindOn() {
        return remindOn;
    }

    public Long getId() {
        return id;
    }

    public ProductNode getNode() {
        return node;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public NodeStatus getStatus() {
        return status;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Long getCompletedBy() {
        return completedBy;
    }

    public String getCompletedByName() {
        return completedByName;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public Integer getWorkingDays() {
        return workingDays;
    }

    public String getForm() {
        return form;
    }
}
