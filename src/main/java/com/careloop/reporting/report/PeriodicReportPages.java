package com.careloop.reporting.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.customer.KeyCustomers;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.reporting.ReportingPermissions;
import com.careloop.reporting.report.ReportViews.Detail;
import com.careloop.reporting.report.ReportViews.Filter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The report pages: the list of current reports with filters and the generate form, and a report with its sections
 * (figures linking to their records, tables, charts), the free-text form, the steps the reader's permissions and the
 * report's state allow, the downloads and the revisions. A refused step comes back as a readable message.
 */
@Controller
class PeriodicReportPages {

    record Option(long id, String name) {
    }

    private static final Pattern REPORT_PATH = Pattern.compile("^/reports/(\\d+)");

    private final Reports reports;
    private final ReportRendering rendering;
    private final PeriodicReportCharts charts;
    private final ReportDocuments documents;
    private final CurrentUsers users;
    private final KeyCustomers keyCustomers;
    private final CustomerDirectory customers;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final com.careloop.platform.Texts texts;
    private final java.time.ZoneId zone;

    PeriodicReportPages(Reports reports, ReportRendering rendering, PeriodicReportCharts charts, ReportDocuments documents,
                CurrentUsers users, KeyCustomers keyCustomers, CustomerDirectory customers, MessageSource messages,
                java.time.Clock clock, com.careloop.platform.CareLoopProperties properties,
                com.careloop.platform.Texts texts) {
        this.texts = texts;
        this.clock = clock;
        this.zone = properties.zone();
        this.reports = reports;
        this.rendering = rendering;
        this.charts = charts;
        this.documents = documents;
        this.users = users;
        this.keyCustomers = keyCustomers;
        this.customers = customers;
        this.messages = messages;
    }

    /** One line of the approval trail, rendered in the reader's language and company time. */
    public record TrailLine(int stage, String assignee, String aspect, String state, String decision, String who,
                            String when, String comment) {
    }

    private List<TrailLine> trail(long id) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        return reports.approvalTrail(id).stream().map(e -> new TrailLine(e.stage(), texts.render(e.assignee(), locale),
                e.aspectCode() == null ? "" : texts.render(com.careloop.platform.Text.of(e.aspectCode()), locale),
                texts.render(com.careloop.platform.Text.label("approvals.task.status", e.state()), locale),
                e.decision() == null ? "" : texts.render(com.careloop.platform.Text.label("approvals.decision",
                        e.decision()), locale),
                e.deciderName() == null ? "" : e.deciderName(), texts.time(e.decidedAt()),
                e.comment() == null ? "" : e.comment())).toList();
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/reports")
    String list(@RequestParam(required = false) ReportKind kind, @RequestParam(required = false) ReportStatus status,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) String cursor, Model model) {
        Filter filter = new Filter(kind, status, year);
        model.addAttribute("filter", filter);
        model.addAttribute("page", reports.search(filter, cursor, 50));
        model.addAttribute("kinds", ReportKind.values());
        model.addAttribute("generatable", reports.kinds());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("keyCustomers", keyCustomers());
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return "reporting/reports/list";
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping("/reports")
    String generate(@RequestParam ReportKind kind,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate first,
                    @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                    @RequestParam(required = false) Long customerId, RedirectAttributes flash) {
        try {
            Detail r = reports.generate(new ReportCommands.Generate(kind, first, null, year, month, customerId));
            return "redirect:/reports/" + r.id();
        } catch (DomainException e) {
            if (!"report.exists".equals(e.code()) || !(e.details().get("id") instanceof Number existing)) {
                throw e;
            }
            // the period already has its current report: open it (regenerating stays a button on the report page)
            flash.addFlashAttribute("notice",
                    messages.getMessage("flash.report.opened", null, LocaleContextHolder.getLocale()));
            return "redirect:/reports/" + existing.longValue();
        }
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/reports/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail r = reports.detail(id);
        CurrentUser me = users.require();
        model.addAttribute("r", r);
        model.addAttribute("charts", charts.page(r.sections().stream().flatMap(s -> s.tables().stream()).toList(),
                LocaleContextHolder.getLocale()));
        model.addAttribute("revisions", reports.revisions(id));
        model.addAttribute("approvalTrail", trail(id));
        boolean draft = r.current() && r.status() == ReportStatus.DRAFT;
        boolean submitted = r.current() && r.status() == ReportStatus.SUBMITTED;
        model.addAttribute("canWrite", draft && me.can(ReportingPermissions.REPORT));
        model.addAttribute("canSubmit", draft && me.can(ReportingPermissions.REPORT));
        model.addAttribute("canApprove", submitted && me.can(ReportingPermissions.APPROVE));
        model.addAttribute("canRegenerate", r.current() && !submitted && me.can(ReportingPermissions.REPORT));
        return "reporting/reports/detail";
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping("/reports/{id}/texts")
    String writeTexts(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam Long version,
                      RedirectAttributes flash) {
        Map<String, String> texts = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("text.")) {
                texts.put(k.substring(5), v);
            }
        });
        reports.writeTexts(id, new ReportCommands.WriteTexts(texts, version));
        return saved(flash, id);
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping("/reports/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        reports.submit(id, version);
        return saved(flash, id);
    }

    @RequiresPermission(ReportingPermissions.APPROVE)
    @PostMapping("/reports/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        reports.approve(id, version);
        return saved(flash, id);
    }

    @RequiresPermission(ReportingPermissions.APPROVE)
    @PostMapping("/reports/{id}/return")
    String returnForRework(@PathVariable long id, @RequestParam(required = false) String comment,
                           @RequestParam(required = false) Long version, RedirectAttributes flash) {
        reports.returnForRework(id, new ReportCommands.Return(comment, version));
        return saved(flash, id);
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping("/reports/{id}/regenerate")
    String regenerate(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return saved(flash, reports.regenerate(id, version).id());
    }

    /** After a step: back to the report (the new revision after regenerating) with the "saved" notice. */
    private static String saved(RedirectAttributes flash, long id) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:/reports/" + id;
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return PeriodicReportApi.file(reports.number(id) + ".pdf", MediaType.APPLICATION_PDF,
                reports.pdf(id, LocaleContextHolder.getLocale()));
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/reports/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return PeriodicReportApi.file(reports.number(id) + ".xlsx", PeriodicReportApi.XLSX,
                reports.xlsx(id, LocaleContextHolder.getLocale()));
    }

    /** The browser's print view: the same document as the PDF, as A4 HTML. */
    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping(value = "/reports/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String print(@PathVariable long id) {
        return documents.html(reports.detail(id, LocaleContextHolder.getLocale()), LocaleContextHolder.getLocale());
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("report.error.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = messages.getMessage("report." + invalid.field(), null, invalid.field(),
                    LocaleContextHolder.getLocale()) + "：" + message;
        }
        flash.addFlashAttribute("error", message);
        Matcher m = REPORT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return m.find() ? "redirect:/reports/" + m.group(1) : "redirect:/reports";
    }

    private List<Option> keyCustomers() {
        return keyCustomers.keyCustomerIds().stream().limit(200).map(customers::card)
                .flatMap(java.util.Optional::stream).map((CustomerCard c) -> new Option(c.id(), c.name())).toList();
    }
}
