package com.careloop.customer.contactlog;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The section forms of this feature post and redirect back to the page they sit on (360 page,
 * liaison profile, birthday list); a refused command comes back there as a readable message.
 */
public final class PageActions {

    private PageActions() {
    }

    public static void attempt(RedirectAttributes flash, Runnable command) {
        try {
            command.run();
            flash.addFlashAttribute("success", "saved");
        } catch (InvalidInputException | DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
    }
}
