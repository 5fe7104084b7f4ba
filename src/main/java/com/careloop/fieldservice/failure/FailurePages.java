package com.careloop.fieldservice.failure;

import java.util.Locale;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.failure.FailureViews.Filter;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Texts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
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
        model.addAttribute("recurring", failures.recurring());
        model.addAttribute("rule", new int[] {failures.rule().threshold(), failures.rule().months()});
        return "fieldservice/failure/list";
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
        return "fieldservice/failure/parts";
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
        return m.find() ? "redirect:/warranty-parts/" + m.group(1) : "redirect:/product-failures";
    }
}
