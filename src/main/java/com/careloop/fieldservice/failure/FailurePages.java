package com.careloop.fieldservice.failure;

import java.time.LocalDate;
import java.util.Locale;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.failure.FailureViews.Filter;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The failure-history pages (search with recurring flags, .xlsx, one product's timeline, the recurring failures) and
 * the warranty-part pages (list, one part with quality's analysis form, close, print).
 */
@Controller
class FailurePages {

    private final ProductFailures failures;
    private final FailureExport export;
    private final WarrantyFeedbacks warranty;
    private final WarrantyPrint print;
    private final Texts texts;

    FailurePages(ProductFailures failures, FailureExport export, WarrantyFeedbacks warranty, WarrantyPrint print,
                 Texts texts) {
        this.failures = failures;
        this.export = export;
        this.warranty = warranty;
        this.print = print;
        this.texts = texts;
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/product-failures")
    String list(@ModelAttribute("filter") Filter filter, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", failures.search(filter, null, cursor, 50));
        model.addAttribute("modes", failures.modes(false));
        model.addAttribute("sourceTypes", FailureSource.values());
        model.addAttribute("recurring", failures.recurring());
        model.addAttribute("rule", new int[] {failures.rule().threshold(), failures.rule().months()});
        return "fieldservice/failure/list";
    }

    /** Quality records a failure by hand from the list page (source by number or id, as in the API). */
    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/product-failures")
    String record(@RequestParam(required = false) String product, @RequestParam(required = false) String part,
                  @RequestParam(required = false) String serialNo, @RequestParam(required = false) String batchNo,
                  @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate failedOn,
                  @RequestParam(required = false) String mode, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String cause, @RequestParam(required = false) String action,
                  @RequestParam(required = false) FailureSource sourceType,
                  @RequestParam(required = false) String sourceCode, RedirectAttributes flash) {
        FailureViews.Row r = failures.record(new FailureViews.RecordFailure(product, part, serialNo, batchNo, failedOn,
                mode, description, cause, action, sourceType, null, blankToNull(sourceCode)));
        flash.addAttribute("product", r.product());
        return "redirect:/product-failures";
    }

    /** The findings of signed field-service reports waiting for quality (the work line links here). */
    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @GetMapping("/product-failures/intake")
    String intake(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("intakes", failures.intakes(true, cursor, 50));
        model.addAttribute("modes", failures.modes(false));
        return "fieldservice/failure/intake";
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/product-failures/intake/{id}/classify")
    String classify(@PathVariable long id, @RequestParam(required = false) String product,
                    @RequestParam(required = false) String part, @RequestParam(required = false) String serialNo,
                    @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate failedOn,
                    @RequestParam(required = false) String mode, @RequestParam(required = false) String cause,
                    @RequestParam(required = false) String action) {
        failures.classify(id, new FailureViews.Classify(product, part, serialNo, null, failedOn, mode, null, cause,
                action));
        return "redirect:/product-failures/intake";
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/product-failures/intake/{id}/dismiss")
    String dismiss(@PathVariable long id) {
        failures.dismiss(id);
        return "redirect:/product-failures/intake";
    }

    /** The failure-mode code list with its names in the three languages (inactive codes kept for old rows). */
    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @GetMapping("/product-failures/modes")
    String modes(Model model) {
        model.addAttribute("modes", failures.modes(true));
        return "fieldservice/failure/modes";
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/product-failures/modes")
    String saveMode(@RequestParam(required = false) String code, @RequestParam(required = false) String nameZhCn,
                    @RequestParam(required = false) String nameZhTw, @RequestParam(required = false) String nameEn,
                    @RequestParam(required = false) Integer sortOrder,
                    @RequestParam(defaultValue = "false") boolean active) {
        failures.saveMode(new FailureViews.SaveMode(code, nameZhCn, nameZhTw, nameEn, sortOrder, active));
        return "redirect:/product-failures/modes";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/product-failures/export")
    void exportList(@ModelAttribute Filter filter, HttpServletRequest request, HttpServletResponse response) {
        export.write(filter, null, request.getQueryString(), response);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/product-failures/timeline")
    String timeline(@RequestParam String product, Model model) {
        model.addAttribute("t", failures.timeline(product));
        return "fieldservice/failure/timeline";
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/warranty-parts")
    String parts(@RequestParam(required = false) WarrantyFeedback.Status status,
                 @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", WarrantyFeedback.Status.values());
        model.addAttribute("page", warranty.search(status, null, cursor, 50));
        model.addAttribute("modes", failures.modes(false));
        model.addAttribute("sourceTypes", new FailureSource[] {FailureSource.FIELD_SERVICE, FailureSource.CLAIM});
        return "fieldservice/failure/parts";
    }

    /**
     * A returned part recorded by hand from the list page (source by number, as the API allows); the list comes back
     * with the new part on top and its number in the notice, a refusal names the field.
     */
    @RequiresPermission(FieldHistoryPermissions.WARRANTY)
    @PostMapping("/warranty-parts")
    String recordPart(@RequestParam(required = false) FailureSource sourceType,
                      @RequestParam(required = false) String sourceCode,
                      @RequestParam(required = false) String product, @RequestParam(required = false) String part,
                      @RequestParam(required = false) Integer quantity,
                      @RequestParam(required = false) String serialNo, @RequestParam(required = false) String batchNo,
                      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate failedOn,
                      @RequestParam(required = false) String mode,
                      @RequestParam(required = false) String failureDescription, RedirectAttributes flash) {
        WarrantyViews.Detail w = warranty.record(new WarrantyViews.RecordPart(sourceType, null,
                blankToNull(sourceCode), blankToNull(product), blankToNull(part), quantity, blankToNull(serialNo),
                blankToNull(batchNo), failedOn, blankToNull(mode), blankToNull(failureDescription), null));
        flash.addFlashAttribute("notice", texts.render(Text.of("fieldhistory.warranty.recorded", w.code()),
                LocaleContextHolder.getLocale()));
        return "redirect:/warranty-parts";
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/warranty-parts/{id}")
    String part(@PathVariable long id, Model model) {
        model.addAttribute("w", warranty.detail(id));
        model.addAttribute("responsibilities", WarrantyFeedback.Responsibility.values());
        return "fieldservice/failure/part";
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/warranty-parts/{id}/analysis")
    String analyse(@PathVariable long id, @RequestParam(required = false) String cause,
                   @RequestParam(required = false) WarrantyFeedback.Responsibility responsibility,
                   @RequestParam(required = false) String action, @RequestParam(required = false) Long version) {
        warranty.analyse(id, new WarrantyViews.Analyse(cause, responsibility, action, version));
        return "redirect:/warranty-parts/" + id;
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/warranty-parts/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) Long version) {
        warranty.close(id, new WarrantyViews.Close(version));
        return "redirect:/warranty-parts/" + id;
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping(value = "/warranty-parts/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String printView(@PathVariable long id) {
        return print.html(id, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler({DomainException.class, InvalidInputException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = ex instanceof InvalidInputException i ? i.field() + ": " + texts.render(i.text(), locale)
                : texts.render(((DomainException) ex).text(), locale);
        flash.addFlashAttribute("error", message);
        var m = java.util.regex.Pattern.compile("^/warranty-parts/(\\d+)/").matcher(request.getRequestURI());
        if (m.find()) {
            return "redirect:/warranty-parts/" + m.group(1);
        }
        if (request.getRequestURI().equals("/warranty-parts")) {
            return "redirect:/warranty-parts";
        }
        var page = java.util.regex.Pattern.compile("^/product-failures/(intake|modes)").matcher(request.getRequestURI());
        return page.find() ? "redirect:/product-failures/" + page.group(1) : "redirect:/product-failures";
    }
}
