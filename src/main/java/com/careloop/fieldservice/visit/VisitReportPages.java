package com.careloop.fieldservice.visit;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The visit-report pages: the list, "plan a visit" (the customer by name, number or phone, or from the customer's
 * page), one report with the visit form, an extra action and "done" per action, my open actions, print and PDF. A
 * refused step comes back to the page as a readable message.
 */
@Controller
class VisitReportPages {

    record Option(long id, String name) {
    }

    private final VisitReports reports;
    private final VisitPrint print;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final Texts texts;

    VisitReportPages(VisitReports reports, VisitPrint print, CustomerDirectory customers, JdbcClient jdbc,
                     Texts texts) {
        this.reports = reports;
        this.print = print;
        this.customers = customers;
        this.jdbc = jdbc;
        this.texts = texts;
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/visit-reports")
    String list(@RequestParam(required = false) VisitReport.Status status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long customerId, @RequestParam(required = false) String cursor,
                Model model) {
        model.addAttribute("filter", new VisitViews.Filter(customerId, status, q));
        model.addAttribute("page", reports.search(new VisitViews.Filter(customerId, status, q), cursor, 50));
        model.addAttribute("statuses", VisitReport.Status.values());
        return "fieldservice/visit/list";
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/visit-reports/my-actions")
    String myActions(Model model) {
        model.addAttribute("actions", reports.myActions());
        return "fieldservice/visit/my-actions";
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @GetMapping("/visit-reports/new")
    String newVisit(@RequestParam(required = false) Long customerId, Model model) {
        model.addAttribute("customer", customerId == null ? null : customers.card(customerId).orElse(null));
        return "fieldservice/visit/new";
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @PostMapping("/visit-reports/new")
    String plan(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String customer,
                @RequestParam(required = false) String purpose,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate visitOn,
                @RequestParam(required = false) String place, @RequestParam(required = false) String participants,
                @RequestParam(required = false) String contactsMet) {
        Long id = customerId;
        if (id == null && customer != null && !customer.isBlank()) {
            List<CustomerCard> found = customers.lookUp(customer.trim(), 2);
            if (found.size() != 1) {
                throw new InvalidInputException("customer", "unique", Text.of("error.fieldhistory.customer-lookup",
                        customer.trim()));
            }
            id = found.get(0).id();
        }
        return "redirect:/visit-reports/" + reports.plan(new VisitViews.Plan(id, purpose, visitOn, place, participants,
                contactsMet)).id();
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/visit-reports/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("v", reports.detail(id));
        model.addAttribute("users", jdbc.sql("select id, display_name from org_user where active = true order by"
                + " display_name").query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list());
        return "fieldservice/visit/detail";
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @PostMapping("/visit-reports/{id}/visit")
    String visited(@PathVariable long id, @RequestParam(required = false) String contactsMet,
                   @RequestParam(required = false) String findings,
                   @RequestParam(required = false) String customerOpinion,
                   @RequestParam(required = false) Long version) {
        reports.visited(id, new VisitViews.Visited(contactsMet, findings, customerOpinion, List.of(), version));
        return "redirect:/visit-reports/" + id;
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @PostMapping("/visit-reports/{id}/actions")
    String addAction(@PathVariable long id, @RequestParam(required = false) String description,
                     @RequestParam(required = false) Long ownerId,
                     @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate dueOn) {
        reports.addAction(id, new VisitViews.AgreeAction(description, ownerId, dueOn, null));
        return "redirect:/visit-reports/" + id;
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @PostMapping("/visit-reports/{id}/actions/{actionId}/done")
    String done(@PathVariable long id, @PathVariable long actionId, @RequestParam(required = false) String note) {
        reports.actionDone(id, actionId, new VisitViews.Done(note));
        return "redirect:/visit-reports/" + id;
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(value = "/visit-reports/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String printView(@PathVariable long id) {
        return print.html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/visit-reports/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return print.pdf(id, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler({DomainException.class, InvalidInputException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = ex instanceof InvalidInputException i ? i.field() + ": " + texts.render(i.text(), locale)
                : texts.render(((DomainException) ex).text(), locale);
        flash.addFlashAttribute("error", message);
        var m = java.util.regex.Pattern.compile("^/visit-reports/(\\d+)/").matcher(request.getRequestURI());
        return m.find() ? "redirect:/visit-reports/" + m.group(1) : "redirect:/visit-reports/new";
    }
}
