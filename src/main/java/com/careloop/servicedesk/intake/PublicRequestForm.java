package com.careloop.servicedesk.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.UploadedFiles;
import com.careloop.servicedesk.attachment.AttachmentRules;
import com.careloop.servicedesk.attachment.Attachments;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public web form (公众报事): anyone may report a repair, ask, suggest, praise or complain without an
 * account; the request is registered with channel WEB_FORM and its number shown on the thank-you page.
 * Abuse guard without a captcha: a honeypot field people never see (filled: pretend success, create
 * nothing) and a submission limit per client IP ({@link PublicFormLimiter}). CSRF stays on: the form page
 * opens a session whose token the post must carry. Up to {@value #MAX_PHOTOS} photos ride along as the request's
 * attachments; a caller whose phone belongs to exactly one customer is linked to that customer's archive.
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
                      @NotBlank @Size(max = DESCRIPTION_LENGTH) String description, String website) {
    }

    /** The description's limit: the page counts down to it and refuses more, it never cuts a text. */
    static final int DESCRIPTION_LENGTH = 4000;
    /** Photos a visitor may attach to one report. */
    static final int MAX_PHOTOS = 5;

    private static final Logger log = LoggerFactory.getLogger(PublicRequestForm.class);
    private static final int TITLE_LENGTH = 60;
    private static final String FORM = "servicedesk/public/form";

    private final ServiceDesk desk;
    private final Attachments attachments;
    private final PublicFormLimiter limiter;
    private final MessageSource messages;
    private final TransactionTemplate tx;

    PublicRequestForm(ServiceDesk desk, Attachments attachments, PublicFormLimiter limiter, MessageSource messages,
                      TransactionTemplate tx) {
        this.desk = desk;
        this.attachments = attachments;
        this.limiter = limiter;
        this.messages = messages;
        this.tx = tx;
    }

    @GetMapping("/public/service-requests")
    String form(Model model) {
        model.addAttribute("submission", new Submission(null, null, null, PublicType.REPAIR.name(), null, null));
        return form(model, List.of());
    }

    @PostMapping("/public/service-requests")
    String submit(@Valid @ModelAttribute("submission") Submission submission, BindingResult errors,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) throws IOException {
        // the limit first: a bad submission counts too, so probing the form is rate-limited as well
        String ip = request.getRemoteAddr();
        if (!limiter.tryAcquire(ip)) {
            log.info("Public form: rate limit reached for {}", ip);
            response.setStatus(429);
            model.addAttribute("windowMinutes", limiter.windowMinutes());
            return "servicedesk/public/limited";
        }
        List<String> problems = new ArrayList<>(errors.getFieldErrors().stream().map(this::problem).distinct().toList());
        List<AttachmentRules.Checked> checked = photos(photos, problems);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return form(model, problems);
        }
        if (submission.website() != null && !submission.website().isBlank()) {
            log.warn("Public form: honeypot filled from {}; nothing registered", ip);
            return "redirect:/public/service-requests/thanks";
        }
        try {
            // the request and its photos commit together or not at all
            var registered = tx.execute(s -> {
                var r = desk.registerUnattended(new Register(null, null, submission.name(), submission.phone(),
                        submission.location(), null, RequestType.valueOf(submission.type()), null, null,
                        title(submission.description()), submission.description().trim(), Channel.WEB_FORM, null, null,
                        null));
                checked.forEach(photo -> attachments.addToNewRequest(r.id(), photo, Attachments.Source.WEB_FORM));
                return r;
            });
            flash.addFlashAttribute("code", registered.code());
            return "redirect:/public/service-requests/thanks";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return form(model, List.of(e.getMessage()));
        }
    }

    /**
     * The photos that passed the rules (an image by its bytes, at most the attachment size, at most
     * {@value #MAX_PHOTOS}); each broken rule adds a sentence for the visitor to {@code problems}.
     */
    private List<AttachmentRules.Checked> photos(List<MultipartFile> photos, List<String> problems) throws IOException {
        List<MultipartFile> given = photos == null ? List.of() : photos.stream().filter(f -> !f.isEmpty()).toList();
        if (given.size() > MAX_PHOTOS) {
            problems.add(text("sdpublic.error.photos.max-count", MAX_PHOTOS, given.size()));
            return List.of();
        }
        List<AttachmentRules.Checked> checked = new ArrayList<>();
        for (MultipartFile f : given) {
            String name = UploadedFiles.safeName(f.getOriginalFilename());
            try {
                var c = attachments.rules().check(new Attachments.Upload(name, f.getContentType(), f.getBytes()));
                if (!c.contentType().startsWith("image/")) {
                    throw new InvalidInputException("file", "content-type", c.contentType());
                }
                checked.add(c);
            } catch (InvalidInputException e) {
                problems.add(text("sdpublic.error.photos." + e.rule(), name, attachments.rules().maxSize().toMegabytes()));
            }
        }
        return checked;
    }

    /** A field's broken rule as a sentence for the visitor (never a validator's "size must be between …"). */
    private String problem(FieldError e) {
        String field = e.getField();
        Object value = e.getRejectedValue();
        int length = value instanceof String v ? v.length() : 0;
        if (field.equals("type")) { // a name outside the list: the visitor chose none of ours
            return label("sdintake.public.type") + ": " + label("sdintake.public.invalidChoice");
        }
        String key = "sdpublic.error." + field + "." + e.getCode();
        return messages.getMessage(key, new Object[] {DESCRIPTION_LENGTH, length},
                label("sdintake.public." + field) + ": " + e.getDefaultMessage(), LocaleContextHolder.getLocale());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    @GetMapping("/public/service-requests/thanks")
    String thanks() {
        return "servicedesk/public/thanks";
    }

    private String form(Model model, List<String> problems) {
        model.addAttribute("types", PublicType.values());
        model.addAttribute("descriptionLength", DESCRIPTION_LENGTH);
        model.addAttribute("maxPhotos", MAX_PHOTOS);
        model.addAttribute("photoMaxMegabytes", attachments.rules().maxSize().toMegabytes());
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
