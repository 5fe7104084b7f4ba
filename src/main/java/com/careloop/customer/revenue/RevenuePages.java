package com.careloop.customer.revenue;

import java.time.Clock;
import java.time.LocalDate;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.excel.ImportFiles;
import com.careloop.customer.revenue.RevenueViews.RevenueInput;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/** The revenue ranking page (with its export and import) and the revenue form of the customer 360 page. */
@Controller
class RevenuePages {

    private final RevenueService revenue;
    private final MessageSource messages;
    private final Clock clock;
    private final CareLoopProperties properties;

    RevenuePages(RevenueService revenue, MessageSource messages, Clock clock, CareLoopProperties properties) {
        this.revenue = revenue;
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
    }

    private int year(Integer year) {
        int y = year == null ? LocalDate.now(clock.withZone(properties.zone())).getYear() : year;
        return Math.max(RevenueService.MIN_YEAR, Math.min(RevenueService.MAX_YEAR, y));
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/customers/revenue-ranking")
    String ranking(@RequestParam(required = false) Integer year, HttpSession session, Model model) {
        model.addAttribute("ranking", revenue.ranking(year(year)));
        model.addAttribute("report", ImportFiles.lastReport(session, "revenue"));
        return "customer/revenue-ranking";
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/customers/revenue-ranking/export")
    void export(@RequestParam(required = false) Integer year, HttpServletResponse response) {
        int y = year(year);
        revenue.exportRanking(y, ImportFiles.download(response, "revenue-ranking-" + y + ".xlsx"));
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/customers/revenue-ranking/import-template")
    void template(HttpServletResponse response) {
        ImportFiles.write(response, "收入导入模板.xlsx", revenue.template());
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @PostMapping("/customers/revenue-ranking/import")
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session, RedirectAttributes flash) {
        return ImportFiles.keep(session, flash, () -> revenue.importFile(ImportFiles.open(file)),
                "/customers/revenue-ranking");
    }

    @RequiresPermission(CustomerPermissions.REVENUE)
    @GetMapping("/customers/revenue-ranking/import-errors")
    void errors(HttpSession session, HttpServletResponse response) {
        ImportFiles.errorReport(session, "revenue", messages, response);
    }

    /** The revenue form on the customer 360 page. */
    @RequiresPermission(CustomerPermissions.REVENUE)
    @PostMapping("/customers/{id}/revenue")
    String save(@PathVariable long id, @RequestParam(required = false) Integer year, @Valid @ModelAttribute RevenueInput form,
                BindingResult errors, RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            revenue.save(id, year == null ? 0 : year, form);
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/customers/" + id;
    }
}
