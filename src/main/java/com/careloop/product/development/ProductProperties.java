package com.careloop.product.development;

import java.util.EnumMap;
import java.util.Map;

import com.careloop.product.ProductNode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code careloop.product.*}: the owner department (code) and the lead time in working days of each
 * node; a node not named keeps its default ({@link ProductNode#defaultDepartment()}, {@link
 * ProductNode#defaultLeadDays()}); {@code reminder-percent}: when a node's reminder shows in the work inbox.
 */
@ConfigurationProperties("careloop.product")
public record ProductProperties(Map<ProductNode, String> departments, Map<ProductNode, Integer> leadDays,
                                Integer reminderPercent) {

    /** The share of a node's lead time after which its owners are reminded (1–99, default 80). */
    public int reminder() {
        return reminderPercent == null || reminderPercent < 1 || reminderPercent > 99
                ? ProductDevelopment.DEFAULT_REMINDER_PERCENT : reminderPercent;
    }

    public String departmentOf(ProductNode node) {
        return departments == null ? node.defaultDepartment() : departments.getOrDefault(node,
                node.defaultDepartment());
    }

    public int leadDaysOf(ProductNode node) {
        Integer days = leadDays == null ? null : leadDays.get(node);
        return days == null || days < 0 ? node.defaultLeadDays() : days;
    }

    public Map<ProductNode, Integer> allLeadDays() {
        Map<ProductNode, Integer> m = new EnumMap<>(ProductNode.class);
        for (ProductNode n : ProductNode.values()) {
            m.put(n, leadDaysOf(n));
        }
        return m;
    }
}
