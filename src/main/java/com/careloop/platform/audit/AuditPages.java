package com.careloop.platform.audit;

import java.time.Clock;
import java.time.LocalDate;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit-trail search, the reusable history panel and the retention report. */
@Controller
class AuditPages {

    private final AuditSearch search;
    private final AuditTrail trail;
    private final CareLoopProperties properties;
    private final Clock clock;

    private final ChangeHistory history;

    AuditPages(AuditSearch search, AuditTrail trail, CareLoopProperties properties, Clock clock, ChangeHistory history) {
        this.history = history;
        this.search = search;
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
    }

    @RequiresPermission(PlatformPermissions.AUDIT_VIEW)
    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String recordType,
                  @RequestParam(required = false) String recordId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String cursor, Model model) {
        var filter = new AuditSearch.Filter(actor, recordType, recordId, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", search.search(filter, cursor, 50));
        model.addAttribute("recordTypes", search.recordTypes());
        model.addAttribute("zone", properties.zone());
        return "platform/audit";
    }

    /** The history panel of one record, loaded into any record page with htmx. */
    @RequiresPermission(PlatformPermissions.AUDIT_VIEW)
    @GetMapping("/audit/history/{recordType}/{recordId}")
    String history(@PathVariable String recordType, @PathVariable String recordId, Model model) {
        model.addAttribute("entries", history.entries(trail.history(recordType, recordId)));
        return "fragments/history :: panel";
    }

    @RequiresPermission(PlatformPermissions.RETENTION_VIEW)
    @GetMapping("/admin/retention")
    String retention(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        model.addAttribute("rows", search.pastRetention(today));
        model.addAttribute("today", today);
        model.addAttribute("periods", properties.retention());
        model.addAttribute("zone", properties.zone());
        return "platform/retention";
    }
}
