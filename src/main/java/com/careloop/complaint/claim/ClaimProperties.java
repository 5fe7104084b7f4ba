package com.careloop.complaint.claim;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code careloop.claims.*}: the claim amount each position may approve
 * ({@code approval-limit.CS_SUPERVISOR=1000}, {@code approval-limit.CS_MANAGER=5000}), the amount above which
 * only the general manager approves ({@code gm-threshold}, default 5000), and the largest evidence photo.
 */
@ConfigurationProperties("careloop.claims")
public record ClaimProperties(Map<String, BigDecimal> approvalLimit, @DefaultValue("5000") BigDecimal gmThreshold,
                              @DefaultValue("10MB") DataSize evidenceMaxSize) {

    public ClaimProperties {
        approvalLimit = approvalLimit == null || approvalLimit.isEmpty()
                ? Map.of("CS_SUPERVISOR", new BigDecimal("1000"), "CS_MANAGER", new BigDecimal("5000"))
                : Map.copyOf(approvalLimit);
    }

    public ApprovalLimits limits() {
        return new ApprovalLimits(approvalLimit, gmThreshold);
    }
}
