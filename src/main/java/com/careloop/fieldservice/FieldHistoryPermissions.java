package com.careloop.fieldservice;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of the field-service records beyond the trip: visit reports (走访服务报告), the product failure history
 * (产品失败履历) with its failure modes and the quality analysis of returned warranty parts, and the recording of
 * returned warranty parts (不良品(三包件)信息反馈表). Reading all of them needs {@code fieldservice:view}. A catalog of
 * its own (module {@code fieldhistory}) so the built-in roles receive these grants on existing installations too.
 */
@Component
public class FieldHistoryPermissions implements PermissionCatalog {

    /** Plan and record visits to customers, their findings and agreed actions. */
    public static final String VISIT = "fieldservice:visit";
    /** Record and classify product failures, keep the failure modes, analyse returned warranty parts (quality). */
    public static final String FAILURES = "fieldservice:failures";
    /** Record a warranty part returned from a field service or a claim. */
    public static final String WARRANTY = "fieldservice:warranty";

    @Override
    public String module() {
        return "fieldhistory";
    }

    @Override
    public List<String> permissions() {
        return List.of(VISIT, FAILURES, WARRANTY);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "CS_MANAGER", Set.of(VISIT, FAILURES, WARRANTY),
                "CS_SUPERVISOR", Set.of(VISIT, WARRANTY),
                "QUALITY_MANAGER", Set.of(FAILURES, WARRANTY),
                "DEPT_HEAD", Set.of(VISIT, WARRANTY),
                "GENERAL_MANAGER", Set.of(VISIT));
    }
}
