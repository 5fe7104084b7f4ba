package com.careloop.platform;

import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Page forms: bean-validation errors are shown as a readable message on the page the form came from. */
public final class Forms {

    private Forms() {
    }

    /** True (and the message flashed) when the form has errors. */
    public static boolean reject(BindingResult errors, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            return false;
        }
        flash.addFlashAttribute("error", errors.getFieldErrors().stream()
                .map(Texts::fieldProblemInCurrentLocale).collect(Collectors.joining("; ")));
        return true;
    }
}
