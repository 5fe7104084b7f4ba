package com.careloop.servicedesk.intake;

import java.util.Arrays;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.PublicEndpoint;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands.Register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public web form (公众报事): anyone may report a repair, ask, suggest, praise or complain without an
 * account; the request is registered with channel WEB_FORM and its number shown on the thank-you page.
 * Abuse guard without a captcha: a honeypot field people never see (filled: pretend success, create
 * nothing) and a submission limit per client IP ({@link PublicFormLimiter}). CSRF stays on: the form page
 * opens a session whose token the post must carry.
 */
@Controller
@PublicEndpoint
class PublicRequestForm {

    /** What the public may report: a subset of the request types (the {@code type} pattern lists the same names). */
    enum PublicType { CONSULTATION, REPAIR, SUGGESTION, PRAISE, COMPLAINT }

    /** {@code website} is the honeypot: hidden from people by CSS, filled by form-spamming bots. */
    record Submission(@NotBlank @Size(max = 100) String name,
                      @NotBlank @Size(max = 40) @Pattern(regexp = "^[0-9+()\\- ]{5,40}$") String phone,
                      @Size(max = 300) String location,
                      @NotBlank @Pattern(regexp = "CONSULTATION|REPAIR|SUGGESTION|PRAISE|COMPLAINT") String type,
                      @NotBlank @Size(max = 4000) String description, String website) {
    }

    private static final Logger log = LoggerFactory.getLogger(PublicRequestForm.class);
    private static final int TITLE_LENGTH = 60;
    private static final String FORM = "servicedesk/public/form";

    private final ServiceDesk desk;
    private final PublicFormLimiter limiter;
    private final MessageSource messages;

    PublicRequestForm(ServiceDesk desk, PublicFormLimiter limiter, MessageSource messages) {
        this.desk = desk;
        this.limiter = limiter;
        this.messages = messages;
    }

    @GetMapping("/public/service-requests")
    String form(Model model) {
        model.addAttribute("submission", new Submission(null, null, null, PublicType.REPAIR.name(), null, null));
        return form(model, List.of());
    }

    @PostMapping("/public/service-requests")
    String submit(@Valid @ModelAttribute("submission") Submission submission, BindingResult errors, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        // the limit first: a bad submission counts too, so probing the form is rate-limited as well
        String ip = request.getRemoteAddr();
        if (!limiter.tryAcquire(ip)) {
            log.info("Public form: rate limit reached for {}", ip);
            response.setStatus(429);
            model.addAttribute("windowMinutes", limiter.windowMinutes());
            return "servicedesk/public/limited";
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return form(model, errors.getFieldErrors().stream()
                    .map(e -> label("sdintake.public." + e.getField()) + ": "
                            + (e.getField().equals("type") ? label("sdintake.public.invalidChoice") : e.getDefaultMessage()))
                    .distinct().toList());
        }
        if (submission.website() != null && !submission.website().isBlank()) {
            log.warn("Public form: honeypot filled from {}; nothing registered", ip);
            return "redirect:/public/service-requests/thanks";
        }
        try {
            var registered = desk.registerUnattended(new Register(null, null, submission.name(), submission.phone(),
                    submission.location(), null, RequestType.valueOf(submission.type()), null, null,
                    title(submission.description()), submission.description().trim(), Channel.WEB_FORM, null, null, null));
            flash.addFlashAttribute("code", registered.code());
            return "redirect:/public/service-requests/thanks";
        } catch (InvalidInputException e) {
            return form(model, List.of(e.getMessage()));
        }
    }

    @GetMapping("/public/service-requests/thanks")
    String thanks() {
        return "servicedesk/public/thanks";
    }

    private String form(Model model, List<String> problems) {
        model.addAttribute("types", PublicType.values());
        model.addAttribute("problems", problems);
        return FORM;
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The first line of the description, shortened: the queue shows it as the request's title. */
    static String title(String description) {
        String first = Arrays.stream(description.trim().split("\\R")).filter(l -> !l.isBlank()).findFirst()
                .orElse(description).trim();
        return first.length() <= TITLE_LENGTH ? first : first.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
