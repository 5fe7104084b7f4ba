package com.careloop.inspection.audit;

import java.time.Clock;
import java.time.LocalDate;

import com.careloop.inspection.AuditProgrammes;
import com.careloop.inspection.Audits;
import com.careloop.inspection.CustomerRequirements;
import com.careloop.inspection.InspectionCommands.HeldBy;
import com.careloop.inspection.InspectionCommands.NewProgramme;
import com.careloop.inspection.InspectionCommands.ProgrammeLine;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The internal audit programme page of a year (003-I2): its lines by month, add a line, link the audit held, cancel. */
@Controller
class ProgrammePages {

    static final String HOME = "/audits/programme";

    private final AuditProgrammes programmes;
    private final Audits audits;
    private final CustomerRequirements requirements;
    private final MessageSource messages;
    private final Clock clock;
    private final CareLoopProperties platform;

    ProgrammePages(AuditProgrammes programmes, Audits audits, CustomerRequirements requirements, MessageSource messages,
                   Clock clock, CareLoopProperties platform) {
        this.programmes = programmes;
        this.audits = audits;
        this.requirements = requirements;
        this.messages = messages;
        this.clock = clock;
        this.platform = platform;
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(HOME)
    String programme(@RequestParam(required = false) Integer year, Model model) {
        int y = year != null ? year : LocalDate.now(clock.withZone(platform.zone())).getYear();
        model.addAttribute("year", y);
        model.addAttribute("p", programmes.ofYear(y).orElse(null));
        model.addAttribute("departments", requirements.departments());
        model.addAttribute("people", audits.people());
        model.addAttribute("auditChoices", programmes.auditsOfYear(y));
        return "inspection/programme";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(HOME)
    String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
                  RedirectAttributes flash) {
        var p = programmes.create(new NewProgramme(year, title));
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "?year=" + p.year();
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(HOME + "/{id}/lines")
    String addLine(@PathVariable long id, @RequestParam(required = false) Long departmentId,
                   @RequestParam(required = false) String process, @RequestParam(required = false) Integer plannedMonth,
                   @RequestParam(required = false) Long auditorUserId, @RequestParam(required = false) String note,
                   RedirectAttributes flash) {
        var p = programmes.addLine(id, new ProgrammeLine(departmentId, process, plannedMonth, auditorUserId, note, null));
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "?year=" + p.year();
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(HOME + "/{id}/lines/{lineId}/held")
    String hold(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) Long auditId,
                @RequestParam(required = false) Long version, RedirectAttributes flash) {
        var p = programmes.hold(id, lineId, new HeldBy(auditId, version));
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "?year=" + p.year();
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(HOME + "/{id}/lines/{lineId}/cancel")
    String cancel(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String note,
                  @RequestParam(required = false) Long version, RedirectAttributes flash) {
        var p = programmes.cancel(id, lineId, note, version);
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + HOME + "?year=" + p.year();
    }

    /** Bad input (422) or a refused step (409): the message on the programme page. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class,
            org.springframework.dao.OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, RedirectAttributes flash) {
        InspectionPages.flashRefusal(ex, flash, messages);
        return "redirect:" + HOME;
    }
}
