package com.careloop.customer.segment;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.customer.Segment;
import com.careloop.platform.Auditable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The stored rule of one segment (segment_rule), edited on the segments page. */
@Entity
@Table(name = "segment_rule")
class SegmentRuleEntity implements Auditable {

    @Id
    @Enumerated(EnumType.STRING)
    private Segment segment;
    private int priority;
    private BigDecimal minRevenue;
    private int minOrders;
    private Integer maxRecencyDays;
    @Version
    private long version;

    protected SegmentRuleEntity() {
    }

    SegmentRuleEntity(SegmentRules.Rule rule) {
        this.segment = rule.segment();
        redefine(rule);
    }

    void redefine(SegmentRules.Rule rule) {
        this.priority = rule.priority();
        this.minRevenue = rule.minRevenue();
        this.minOrders = rule.minOrders();
        this.maxRecencyDays = rule.maxRecencyDays();
    }

    SegmentRules.Rule rule() {
        return new SegmentRules.Rule(segment, priority, minRevenue, minOrders, maxRecencyDays);
    }

    long getVersion() {
        return version;
    }

    @Override
    public String auditType() {
        return "segment-rule";
    }

    @Override
    public String auditId() {
        return segment.name();
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("priority", priority);
        s.put("minRevenue", minRevenue == null ? null : minRevenue.stripTrailingZeros().toPlainString());
        s.put("minOrders", minOrders);
        s.put("maxRecencyDays", maxRecencyDays);
        return s;
    }
}
