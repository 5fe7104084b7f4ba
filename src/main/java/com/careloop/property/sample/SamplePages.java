package com.careloop.property.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.property.SampleCommands;
import com.careloop.property.SamplePermissions;
import com.careloop.property.SampleStatus;
import com.careloop.property.SampleViews.Detail;
import com.careloop.property.SampleViews.Filter;
import com.careloop.property.Samples;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The samples' pages: the dispatch register (样品发送登记表) with its filters, Excel export and print; the notice form
 * (样品生产通知单) with an attachment; the sample with its rounds and the forms of the steps the reader may take
 * (accept / decline, making, inspection report with measurements, dispatch, the customer's confirmation, sealing, the
 * customer's personal link); the inspection report's print view. A refused step comes back as a message on the page.
 */
@Controller
class SamplePages {

    /** The inspection form: parallel columns of the measurement lines (empty characteristic = no line). */
    record InspectForm(Boolean passed, List<String> characteristic, List<String> requirement, List<String> measured,
                       List<Boolean> ok, String inspectorName, LocalDate inspectedOn, String note, Long version) {
    }

    private static final Pattern SAMPLE_PATH = Pattern.compile("^/samples/(\\d+)");
    private static final String LIST = "/samples";

    private final Samples samples;
    private final SampleListExport export;
    private final SamplePrint print;
    private final MessageSource messages;
    private final CurrentUsers users;
    private final CustomerDirectory customers;
    private final SampleKeepJob keepJob;
    private final com.careloop.platform.OrgDirectory directory;

    SamplePages(Samples samples, SampleListExport export, SamplePrint print, MessageSource messages,
                CurrentUsers users, CustomerDirectory customers, SampleKeepJob keepJob,
                com.careloop.platform.OrgDirectory directory) {
        this.directory = directory;
        this.customers = customers;
        this.keepJob = keepJob;
        this.samples = samples;
        this.export = export;
        this.print = print;
        this.messages = messages;
        this.users = users;
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(LIST)
    String list(@ModelAttribute("filter") Filter filter, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor, Model model) {
        Filter f = clean(filter);
        model.addAttribute("filter", f);
        model.addAttribute("sort", sort);
        model.addAttribute("page", samples.search(f, sort, cursor, 50));
        model.addAttribute("statuses", SampleStatus.values());
        return "samples/list";
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(LIST + "/export")
    void export(@ModelAttribute Filter filter, @RequestParam(required = false) String sort, HttpServletRequest request,
                HttpServletResponse response) {
        export.write(clean(filter), sort, request.getQueryString(), response);
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(value = LIST + "/register", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String registerPrint(@ModelAttribute Filter filter) {
        return print.registerHtml(clean(filter), LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @GetMapping(LIST + "/new")
    String newSample(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String customer,
                     Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("customers", customers.choices(customerId, customer, 20));
        model.addAttribute("customerQuery", customer);
        return "samples/new";
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping(LIST + "/new")
    String request(@ModelAttribute SampleCommands.Request form,
                   @RequestParam(required = false) MultipartFile file) {
        Detail d = samples.request(form);
        if (file != null && !file.isEmpty()) {
            try {
                samples.attach(d.id(), file.getOriginalFilename(), file.getContentType(), file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "redirect:" + LIST + "/" + d.id();
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(LIST + "/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail s = samples.detail(id);
        CurrentUser me = users.require();
        model.addAttribute("s", s);
        model.addAttribute("canRequest", me.can(SamplePermissions.REQUEST));
        model.addAttribute("canProduce", me.can(SamplePermissions.PRODUCE));
        model.addAttribute("canInspect", me.can(SamplePermissions.INSPECT));
        model.addAttribute("canKeep", me.can(SamplePermissions.KEEP) && s.seal() != null
                && (me.scope().allows(s.seal().keepingDepartmentId()) || me.departmentId() != null
                && me.departmentId().equals(s.seal().keepingDepartmentId())));
        model.addAttribute("keepUntil", samples.defaultKeepUntil());
        // the sealing form chooses the department that keeps the sealed sample (default: the sample's quality dept)
        model.addAttribute("departments", s.status() == com.careloop.property.SampleStatus.APPROVED
                ? directory.activeDepartments() : List.of());
        model.addAttribute("linksEnabled", true);
        return "samples/detail";
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(value = LIST + "/{id}/notice", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String noticePrint(@PathVariable long id) {
        return print.noticeHtml(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(LIST + "/{id}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
        return print.noticePdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(value = LIST + "/{id}/rounds/{round}/inspection", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String inspectionPrint(@PathVariable long id, @PathVariable int round) {
        return print.inspectionHtml(id, round, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(LIST + "/{id}/rounds/{round}/inspection.pdf")
    ResponseEntity<byte[]> inspectionPdf(@PathVariable long id, @PathVariable int round) {
        return print.inspectionPdf(id, round, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping(LIST + "/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return samples.download(id, fileId);
    }

    // ---- steps -------------------------------------------------------------------------------

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping(LIST + "/{id}/files")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        samples.attach(id, file == null ? null : file.getOriginalFilename(), file == null ? null
                : file.getContentType(), file == null ? null : file.getBytes());
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.PRODUCE)
    @PostMapping(LIST + "/{id}/accept")
    String accept(@PathVariable long id, @ModelAttribute SampleCommands.Accept form, RedirectAttributes flash) {
        samples.accept(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.PRODUCE)
    @PostMapping(LIST + "/{id}/decline")
    String decline(@PathVariable long id, @ModelAttribute SampleCommands.Decline form, RedirectAttributes flash) {
        samples.decline(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.PRODUCE)
    @PostMapping(LIST + "/{id}/making")
    String make(@PathVariable long id, @ModelAttribute SampleCommands.Make form, RedirectAttributes flash) {
        samples.make(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.INSPECT)
    @PostMapping(LIST + "/{id}/inspection")
    String inspect(@PathVariable long id, @ModelAttribute InspectForm form, RedirectAttributes flash) {
        List<SampleCommands.Measurement> lines = new ArrayList<>();
        List<String> names = form.characteristic() == null ? List.of() : form.characteristic();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || names.get(i).isBlank()) {
                continue;
            }
            lines.add(new SampleCommands.Measurement(names.get(i), at(form.requirement(), i), at(form.measured(), i),
                    form.ok() == null || form.ok().size() <= i ? null : form.ok().get(i)));
        }
        samples.inspect(id, new SampleCommands.Inspect(form.passed(), lines, form.inspectorName(), form.inspectedOn(),
                form.note(), form.version()));
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping(LIST + "/{id}/dispatch")
    String dispatch(@PathVariable long id, @ModelAttribute SampleCommands.Dispatch form, RedirectAttributes flash) {
        samples.dispatch(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping(LIST + "/{id}/confirmation")
    String confirm(@PathVariable long id, @ModelAttribute SampleCommands.Confirm form, RedirectAttributes flash) {
        samples.confirm(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping(LIST + "/{id}/seal")
    String seal(@PathVariable long id, @ModelAttribute SampleCommands.Seal form, RedirectAttributes flash) {
        samples.seal(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(SamplePermissions.KEEP)
    @PostMapping(LIST + "/{id}/keep")
    String keep(@PathVariable long id, @ModelAttribute SampleCommands.Keep form, RedirectAttributes flash) {
        samples.keep(id, form);
        return saved(id, flash);
    }

    /** The keeping department's sealed samples whose keep period ends soon or has ended (封样待处置). */
    @RequiresPermission(SamplePermissions.KEEP)
    @GetMapping(LIST + "/keep")
    String keepDue(Model model) {
        CurrentUser me = users.require();
        model.addAttribute("due", me.departmentId() == null ? List.of()
                : samples.keepDue(me.departmentId(), keepJob.noticeDays()));
        model.addAttribute("noticeDays", keepJob.noticeDays());
        model.addAttribute("today", samples.today());
        return "samples/keep";
    }

    /** The customer's link, shown once on the page for sales to pass on (and mailed when an address is given). */
    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping(LIST + "/{id}/link")
    String link(@PathVariable long id, @ModelAttribute SampleCommands.SendLink form, RedirectAttributes flash) {
        var link = samples.issueLink(id, form);
        flash.addFlashAttribute("notice", messages.getMessage("sample.link.created",
                new Object[] {link.url(), link.expiresOn().toString()}, LocaleContextHolder.getLocale()));
        return "redirect:" + LIST + "/" + id;
    }

    private static String at(List<String> values, int i) {
        return values == null || values.size() <= i ? null : values.get(i);
    }

    private static String saved(long id, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + LIST + "/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("property.error.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = invalid.field() + ": " + message;
        }
        flash.addFlashAttribute("error", message);
        Matcher m = SAMPLE_PATH.matcher(request.getRequestURI());
        return m.find() ? "redirect:" + LIST + "/" + m.group(1) : "redirect:" + LIST + "/new";
    }

    private static Filter clean(Filter f) {
        if (f == null) {
            return Filter.none();
        }
        return new Filter(f.customerId(), f.salespersonId(), f.status(), f.sentFrom(), f.sentTo(),
                f.q() == null || f.q().isBlank() ? null : f.q().trim());
    }
}
