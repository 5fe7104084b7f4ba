package com.careloop.complaint.retail;

import java.time.LocalDate;

import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.GoodsCondition;
import com.careloop.complaint.RefundMethod;
import com.careloop.complaint.RetailReturns;
import com.careloop.complaint.ReturnCommands.Refund;
import com.careloop.complaint.ReturnCommands.RequestReturn;
import com.careloop.complaint.ReturnViews.Filter;
import com.careloop.complaint.claim.PageForms.NewReturn;
import com.careloop.complaint.claim.PageForms.StepForm;
import com.careloop.complaint.claim.Parties;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
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

/** The seven-day return pages: the summary with totals and the slips, the Excel export, a new slip, the slip. */
@Controller
class ReturnPages {

    private final RetailReturns returns;
    private final ReturnExport export;
    private final Parties parties;

    ReturnPages(RetailReturns returns, ReturnExport export, Parties parties) {
        this.returns = returns;
        this.export = export;
        this.parties = parties;
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/returns")
    String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String cursor, Model model) {
        Filter filter = new Filter(null, null, from, to);
        model.addAttribute("summary", returns.summary(filter));
        model.addAttribute("page", returns.search(filter, cursor, 50));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "retail/returns";
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/returns/export")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) {
        export.xlsx(new Filter(null, null, from, to), response);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/returns/new")
    String newSlip(@RequestParam(required = false) Long customerId, Model model) {
        model.addAttribute("customer", customerId == null ? null : parties.customer(customerId));
        model.addAttribute("purchases", customerId == null ? java.util.List.of() : returns.purchasesOf(customerId));
        model.addAttribute("conditions", GoodsCondition.values());
        model.addAttribute("methods", RefundMethod.values());
        return "retail/return-new";
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @PostMapping("/returns")
    String request(@ModelAttribute NewReturn f, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/returns/new" + (f.customerId() == null ? "" : "?customerId=" + f.customerId());
        }
        long customerId = parties.resolve(f.customerId(), f.customer()).id();
        var slip = returns.request(new RequestReturn(customerId, f.purchaseId(), f.product(), f.model(), f.serialNo(),
                f.purchaseDate(), f.receivedOn(), f.requestedOn(), f.reason(), f.goodsCondition(), f.refundAmount(),
                f.refundMethod()));
        return "redirect:/returns/" + slip.id();
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/returns/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("r", returns.detail(id));
        return "retail/return";
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @PostMapping("/returns/{id}/{step:accept|refund|refuse}")
    String step(@PathVariable long id, @PathVariable String step, @ModelAttribute StepForm f, BindingResult errors,
                RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            switch (step) {
                case "accept" -> returns.accept(id, new Step(f.version()));
                case "refund" -> returns.refund(id, new Refund(f.reference(), f.version()));
                default -> returns.refuse(id, new Comment(f.comment(), f.version()));
            }
        }
        return "redirect:/returns/" + id;
    }
}
