package com.careloop.inspection.audit;

import java.util.ArrayList;
import java.util.List;

import com.careloop.capa.CapaClosed;
import com.careloop.capa.CapaSources;
import com.careloop.inspection.AuditDeliverables;
import com.careloop.inspection.AuditReadiness;
import com.careloop.inspection.Audits;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.NavItem;
import com.careloop.platform.Navigation;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** How the module plugs into the rest: the sidebar, the work inbox, and the CAPA closing its findings. */
final class InspectionWiring {

    private InspectionWiring() {
    }

    @Component
    static class InspectionNavigation implements Navigation {
        @Override
        public List<NavItem> items() {
            return List.of(new NavItem("nav.group.inspection", "nav.audits", "/audits", InspectionPermissions.VIEW, 460),
                    new NavItem("nav.group.inspection", "nav.audit-findings", "/audits/findings", InspectionPermissions.VIEW, 461),
                    new NavItem("nav.group.inspection", "nav.checklist-templates", "/checklist-templates",
                            InspectionPermissions.CONFIGURE, 462),
                    new NavItem("nav.group.inspection", "nav.audit-readiness", "/audits/readiness", InspectionPermissions.VIEW, 463),
                    new NavItem("nav.group.inspection", "nav.audit-schedules", "/audits/schedules", InspectionPermissions.MANAGE, 464),
                    new NavItem("nav.group.inspection", "nav.audit-statistics", "/audits/statistics", InspectionPermissions.VIEW, 465),
                    new NavItem("nav.group.inspection", "nav.customer-requirements", "/customer-requirements",
                            InspectionPermissions.VIEW, 466),
                    new NavItem("nav.group.inspection", "nav.audit-programme", "/audits/programme",
                            InspectionPermissions.VIEW, 467));
        }
    }

    /**
     * "Audits I conduct" (planned or in progress, as lead or member), "findings of my department due", "readiness
     * checks of my department" (open tasks of planned audits; urgent past their check date) and "customer replies
     * due" of the audits I lead (from the 80 % reminder on; urgent when late) and "deliverables I owe" (without a
     * file on an audit not closed; urgent from their due day).
     */
    @Component
    static class InspectionWork implements WorkSource {
        private final Audits audits;
        private final AuditReadiness readiness;
        private final AuditDeliverables deliverables;

        InspectionWork(Audits audits, AuditReadiness readiness, AuditDeliverables deliverables) {
            this.audits = audits;
            this.readiness = readiness;
            this.deliverables = deliverables;
        }

        @Override
        public List<WorkCount> work(CurrentUser me) {
            if (!me.can(InspectionPermissions.VIEW)) {
                return List.of();
            }
            long[] c = audits.work(me);
            List<WorkCount> lines = new ArrayList<>();
            lines.add(new WorkCount("inspection.audits-conducting", c[0], false, "/audits"));
            if (me.departmentId() != null) {
                lines.add(new WorkCount("inspection.findings-due", c[1], c[2] > 0,
                        "/audits/findings?open=true&departmentId=" + me.departmentId()));
                long[] r = readiness.work(me);
                if (r[0] > 0) {
                    lines.add(new WorkCount("inspection.readiness-mine", r[0], r[1] > 0, "/audits/readiness"));
                }
            }
            long[] d = deliverables.work(me);
            if (d[0] > 0) {
                lines.add(new WorkCount("inspection.deliverables-mine", d[0], d[1] > 0, "/audits/deliverables"));
            }
            if (c[3] > 0) {
                lines.add(new WorkCount("inspection.replies-due", c[3], c[4] > 0, "/audits/findings?status=OPEN"));
            }
            return lines;
        }
    }

    /** A finding's CAPA closed: the finding closes with it (idempotent: a finding not waiting for that CAPA is left). */
    @Component
    static class CapaClosesFindings {
        private final Audits audits;

        CapaClosesFindings(Audits audits) {
            this.audits = audits;
        }

        @ApplicationModuleListener
        void on(CapaClosed event) {
            event.sources().stream()
                    .filter(s -> CapaSources.AUDIT.equals(s.sourceType()) || CapaSources.INSPECTION.equals(s.sourceType()))
                    .forEach(s -> audits.capaClosed(s.sourceId(), event.capaId()));
        }
    }
}
