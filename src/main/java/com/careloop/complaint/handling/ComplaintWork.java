package com.careloop.complaint.handling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.ComplaintViews.Filter;
import com.careloop.complaint.Complaints;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "My work" of the complaint module: the complaints I handle that are open, those of them overdue, and the
 * acknowledgements due today within my data scope. Each count is the length of the list its line links to
 * ({@link Complaints#count} runs the list's own conditions).
 */
@Component
class ComplaintWork implements WorkSource {

    private final Complaints complaints;
    private final Clock clock;
    private final CareLoopProperties properties;

    ComplaintWork(Complaints complaints, Clock clock, CareLoopProperties properties) {
        this.complaints = complaints;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public List<WorkCount> work(CurrentUser me) {
        if (!me.can(ComplaintPermissions.VIEW)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        List<WorkCount> work = new ArrayList<>();
        long handling = complaints.count(filter(me.id(), null, null));
        if (handling > 0) {
            work.add(new WorkCount("complaint.handlingOpen", handling, false,
                    link().queryParam("handlerId", me.id()).queryParam("open", true).build().toUriString()));
            long overdue = complaints.count(filter(me.id(), true, null));
            if (overdue > 0) {
                work.add(new WorkCount("complaint.handlingOverdue", overdue, true, link().queryParam("handlerId", me.id())
                        .queryParam("open", true).queryParam("overdue", true).build().toUriString()));
            }
        }
        long acknowledgements = complaints.count(filter(null, null, today));
        if (acknowledgements > 0) {
            work.add(new WorkCount("complaint.acknowledgeToday", acknowledgements, true,
                    link().queryParam("acknowledgeDueOn", today).build().toUriString()));
        }
        return work;
    }

    /** The open complaints a handler handles ({@code handler} null: any), overdue if asked, or acknowledgements due. */
    private static Filter filter(Long handler, Boolean overdue, LocalDate acknowledgeDueOn) {
        return new Filter(null, null, null, null, null, overdue, null, null, handler, null, null, null, null, null,
                acknowledgeDueOn == null ? Boolean.TRUE : null, acknowledgeDueOn, null);
    }

    private static UriComponentsBuilder link() {
        return UriComponentsBuilder.fromPath("/complaints");
    }
}
