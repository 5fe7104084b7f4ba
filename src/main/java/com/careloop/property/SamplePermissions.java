package com.careloop.property;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.platform.PermissionCatalog;

import org.springframework.stereotype.Component;

/**
 * Permissions of samples (样品): sales request, dispatch and record the customer's confirmation and the sealing;
 * production accepts, declines and records the making; quality inspects. Data scope: a salesperson sees their own
 * samples, departments theirs (the sales, production and quality department of the sample).
 */
@Component
public class SamplePermissions implements PermissionCatalog {

    public static final String VIEW = "sample:view";
    /** Issue the sample production notice, dispatch, record the customer's confirmation, seal. */
    public static final String REQUEST = "sample:request";
    /** Accept the notice or raise inability, record the making. */
    public static final String PRODUCE = "sample:produce";
    /** Issue the sample inspection report. */
    public static final String INSPECT = "sample:inspect";
    /**
     * The keeping department's decision on a sealed sample (封样保管): extend the keep period, reseal or dispose of it.
     * Its own permission since V166; installs before it gave it to every role that could inspect.
     */
    public static final String KEEP = "sample:keep";

    @Override
    public String module() {
        return "sample";
    }

    @Override
    public List<String> permissions() {
        return List.of(VIEW, REQUEST, PRODUCE, INSPECT, KEEP);
    }

    @Override
    public Map<String, Set<String>> defaultGrants() {
        return Map.of(
                "GENERAL_MANAGER", Set.of(VIEW),
                "CS_MANAGER", Set.of(VIEW, REQUEST),
                "CS_SUPERVISOR", Set.of(VIEW),
                "QUALITY_MANAGER", Set.of(VIEW, INSPECT, KEEP),
                "DEPT_HEAD", Set.of(VIEW, REQUEST, PRODUCE, INSPECT, KEEP),
                "TEAM_LEADER", Set.of(VIEW, PRODUCE, INSPECT, KEEP),
                "STAFF", Set.of(VIEW, REQUEST, PRODUCE));
    }
}
