package com.careloop.platform.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.AuditEntry;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the trail can be searched and read, never changed (there is no write endpoint). */
@RestController
@RequestMapping("/api/v1/audit-events")
class AuditApi {

    private final AuditSearch search;
    private final AuditTrail trail;
    private final CareLoopProperties properties;
    private final Clock clock;

    AuditApi(AuditSearch search, AuditTrail trail, CareLoopProperties properties, Clock clock) {
        this.search = search;
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
    }

    @RequiresPermission(PlatformPermissions.AUDIT_VIEW)
    @GetMapping
    AuditSearch.Page search(@RequestParam(required = false) String actor,
                            @RequestParam(required = false) String recordType,
                            @RequestParam(required = false) String recordId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return search.search(new AuditSearch.Filter(actor, recordType, recordId, from, to), cursor, limit);
    }

    @RequiresPermission(PlatformPermissions.AUDIT_VIEW)
    @GetMapping("/{recordType}/{recordId}")
    List<AuditEntry> history(@PathVariable String recordType, @PathVariable String recordId) {
        return trail.history(recordType, recordId);
    }

    @RequiresPermission(PlatformPermissions.RETENTION_VIEW)
    @GetMapping("/past-retention")
    List<AuditSearch.PastRetention> pastRetention() {
        return search.pastRetention(LocalDate.now(clock.withZone(properties.zone())));
    }
}
