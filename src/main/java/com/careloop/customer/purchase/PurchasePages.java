package com.careloop.customer.purchase;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.PageActions;
import com.careloop.customer.purchase.PurchaseCommands.RecordPurchase;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/** The add-purchase form of the 360 page's purchases section and the Excel import page. */
@Controller
class PurchasePages {

    private final PurchaseService purchases;

    PurchasePages(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/customers/{id}/purchases")
    String record(@PathVariable long id, @Valid @ModelAttribute RecordPurchase form, BindingResult errors,
                  RedirectAttributes flash) {
        if (!reject(errors, flash)) {
            PageActions.attempt(flash, () -> purchases.record(id, form, PurchaseSource.MANUAL));
        }
        return "redirect:/customers/" + id + "#section-customerpurchases";
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/purchases/import")
    String importPage() {
        return "customer/purchase-import";
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/purchases/import-template.xlsx")
    ResponseEntity<byte[]> template() {
        return PurchaseApi.template(purchases);
    }

    /** The report is shown on the same page: imported, unchanged, and every refused row's errors. */
    @RequiresPermission(CustomerPermissions.IMPORT)
    @PostMapping("/purchases/import")
    String importFile(HttpServletRequest request, Model model) throws java.io.IOException {
        try (var in = PurchaseApi.upload(request)) {
            model.addAttribute("report", purchases.importXlsx(in));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "customer/purchase-import";
    }
}
