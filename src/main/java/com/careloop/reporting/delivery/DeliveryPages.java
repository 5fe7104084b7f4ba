package com.careloop.reporting.delivery;

import java.time.DayOfWeek;
import java.util.List;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.reporting.ReportingPermissions;
import com.careloop.reporting.delivery.DeliveryStore.Filter;
import com.careloop.reporting.delivery.DeliveryViews.SaveSchedule;
import com.careloop.reporting.delivery.DeliveryViews.ScheduleView;
import com.careloop.reporting.delivery.ReportSchedule.Format;
import com.careloop.reporting.report.ReportKind;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/**
 * The page /report-schedules: the schedules with their next run in company time, the create and edit form
 * (recipients chosen by name), the delivery log with the retry button; run-now per schedule.
 */
@Controller
class DeliveryPages {

    private static final String PAGE = "redirect:/report-schedules";

    private final ReportSchedules schedules;
    private final ReportDeliveries deliveries;
    private final Recipients recipients;
    private final com.careloop.customer.KeyCustomers keyCustomers;
    private final com.careloop.customer.CustomerDirectory customers;
    private final com.careloop.platform.CareLoopProperties properties;

    DeliveryPages(ReportSchedules schedules, ReportDeliveries deliveries, Recipients recipients,
                  com.careloop.customer.KeyCustomers keyCustomers, com.careloop.customer.CustomerDirectory customers,
                  com.careloop.platform.CareLoopProperties properties) {
        this.schedules = schedules;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.keyCustomers = keyCustomers;
        this.customers = customers;
        this.properties = properties;
    }

    /** Times on this page are shown in the company's zone. */
    @ModelAttribute("zone")
    java.time.ZoneId zone() {
        return properties.zone();
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @GetMapping("/report-schedules")
    String page(@RequestParam(required = false) Long edit, @RequestParam(required = false) Long schedule,
                @RequestParam(required = false) DeliveryStatus status, Model model) {
        List<ScheduleView> all = schedules.list();
        model.addAttribute("schedules", all);
        ScheduleView editing = edit == null ? null : all.stream().filter(s -> s.id() == edit).findFirst().orElse(null);
        model.addAttribute("editing", editing);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", editing == null ? blank() : form(editing));
        }
        model.addAttribute("people", recipients.choosable().stream()
                .map(p -> new DeliveryViews.Person(p.id(), p.name())).toList());
        model.addAttribute("customers", keyCustomers.keyCustomerIds().stream().map(customers::card)
                .flatMap(java.util.Optional::stream).map(c -> new DeliveryViews.Person(c.id(), c.name())).toList());
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("formats", Format.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("filterSchedule", schedule);
        model.addAttribute("filterStatus", status);
        model.addAttribute("log", deliveries.log(new Filter(schedule, status, null, null), 100));
        return "reporting/schedules";
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/report-schedules")
    String create(@ModelAttribute("form") SaveSchedule form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return PAGE;
        }
        return attempt(() -> schedules.create(form), form, null, flash);
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/report-schedules/{id}")
    String change(@PathVariable long id, @ModelAttribute("form") SaveSchedule form, BindingResult errors,
                  RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return PAGE + "?edit=" + id;
        }
        return attempt(() -> schedules.change(id, form), form, id, flash);
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/report-schedules/{id}/disable")
    String disable(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return attempt(() -> schedules.disable(id, version), null, null, flash);
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/report-schedules/{id}/run-now")
    String runNow(@PathVariable long id, RedirectAttributes flash) {
        return attempt(() -> deliveries.runNow(id), null, null, flash) + "?schedule=" + id;
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/report-schedules/deliveries/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        return attempt(() -> deliveries.retry(id), null, null, flash);
    }

    /** A refused step comes back as a message on this page, with what was typed kept in the form. */
    private static String attempt(Runnable step, SaveSchedule form, Long editing, RedirectAttributes flash) {
        try {
            step.run();
            flash.addFlashAttribute("success", "saved");
            return PAGE;
        } catch (DomainException | InvalidInputException | OptimisticLockingFailureException
                 | com.careloop.platform.NotFoundException e) {
            flash.addFlashAttribute("error", e.getMessage());
            if (form != null) {
                flash.addFlashAttribute("form", form);
            }
            return editing == null ? PAGE : PAGE + "?edit=" + editing;
        }
    }

    private static SaveSchedule blank() {
        return new SaveSchedule(ReportKind.WEEKLY, null, DayOfWeek.MONDAY, 1, 1, "08:00", List.of(Format.PDF), List.of(),
                null, true, null);
    }

    private static SaveSchedule form(ScheduleView s) {
        return new SaveSchedule(s.reportKind(), s.cadence(), s.dayOfWeek(), s.dayOfMonth(), s.month(), s.time(),
                s.formats(), s.recipients().stream().map(DeliveryViews.Person::id).toList(), s.customerId(), s.enabled(),
                s.version());
    }
}
