package com.careloop.customer.purchase;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.PageActions;
import com.careloop.customer.purchase.PurchaseCommands.RecordPurchase;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/** The add-purchase form of the 360 page's purchases section. */
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
}
