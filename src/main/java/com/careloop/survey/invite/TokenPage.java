package com.careloop.survey.invite;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.PageLocale;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.PublicLinkPages;
import com.careloop.survey.SurveyCampaignStatus;
import com.careloop.survey.invite.InvitationStore.TokenInvitation;
import com.careloop.survey.response.SubmitAnswers;
import com.careloop.survey.response.SurveyResponses;
import com.careloop.survey.template.SurveyTemplates;
import com.careloop.survey.template.TemplateView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public survey page, opened by the personal link {@code /s/{token}} without login or session. GET only
 * renders the questionnaire in the invitation's language (switch with {@code ?hl=zh-CN|zh-TW|en}) and records
 * nothing, so a mail scanner that opens the link changes nothing; only the explicit submit (POST, with the
 * page's signed nonce) records the answers, once per token. A used link shows "already answered, thank you",
 * an expired one the CS center's contact, an unknown one a polite page with status 404. Requests per client IP
 * are limited like the desk's public form.
 */
@Controller
@PublicEndpoint
class TokenPage {

    private static final Logger log = LoggerFactory.getLogger(TokenPage.class);
    private static final String FORM = "survey/public/questionnaire";
    private static final String NOTICE = "survey/public/notice";
    static final String RATING = "r_";

    private final InvitationStore invitations;
    private final SurveyTemplates templates;
    private final SurveyResponses responses;
    private final FormNonce nonces;
    private final SurveyCampaignProperties settings;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;
    private final InvitationLinks mailer;
    private final Clock clock;

    TokenPage(InvitationStore invitations, SurveyTemplates templates, SurveyResponses responses, FormNonce nonces,
              SurveyCampaignProperties settings, CareLoopProperties platform, InvitationLinks mailer, Clock clock,
              PerAddressLimiters limiters) {
        this.mailer = mailer;
        this.invitations = invitations;
        this.templates = templates;
        this.responses = responses;
        this.nonces = nonces;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
        this.limiter = limiters.create("survey-token", settings.publicPageMaxRequests(), settings.publicPageWindow());
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String hl, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        String refused = refusal(token, hl, model, request, response);
        if (refused != null) {
            return refused;
        }
        String hash = InvitationTokens.hash(token);
        return form(invitations.byTokenHash(hash).orElseThrow(), token, hash, hl, Map.of(), null, null, model, request);
    }

    @PostMapping("/s/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        String hl = form.getFirst("hl");
        String refused = refusal(token, hl, model, request, response);
        if (refused != null) {
            return refused;
        }
        String hash = InvitationTokens.hash(token);
        TokenInvitation inv = invitations.byTokenHash(hash).orElseThrow();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(RATING) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
                try {
                    ratings.put(name.substring(RATING.length()), Integer.valueOf(values.get(0).trim()));
                } catch (NumberFormatException e) {
                    ratings.put(name.substring(RATING.length()), -1);
                }
            }
        });
        String opinion = form.getFirst("opinion");
        if (!nonces.valid(hash, form.getFirst("nonce"))) {
            response.setStatus(409);
            return form(inv, token, hash, hl, ratings, opinion, "surveycampaign.public.stale", model, request);
        }
        try {
            responses.submit(new SubmitAnswers(inv.id(), ratings, opinion, "EMAIL", null));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problem", e.getMessage());
            return form(inv, token, hash, hl, ratings, opinion, null, model, request);
        } catch (DomainException | NotFoundException e) {
            // answered meanwhile (another tab, a double click) or the campaign closed: the polite pages
            log.info("Survey token page: submit for invitation {} refused: {}", inv.id(), e.getMessage());
            TokenInvitation now = invitations.byTokenHash(hash).orElse(null);
            String polite = notice(now, hl, model, request, response);
            return polite != null ? polite : notice("used", hl, inv, model, request);
        }
        return "redirect:/s/thanks?hl=" + PageLocale.tag(locale(hl, inv));
    }

    @GetMapping("/s/thanks")
    String thanks(@RequestParam(required = false) String hl, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        privatePage(response);
        return notice("thanks", hl, null, model, request);
    }

    /**
     * What every request of the page checks first: the private-page headers, the per-IP limit, then the link
     * (unknown, used, expired). Returns the polite page to show, or null when the questionnaire may show.
     */
    private String refusal(String token, String hl, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        privatePage(response);
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return limited(hl, model, request, response);
        }
        TokenInvitation inv = InvitationTokens.wellFormed(token)
                ? invitations.byTokenHash(InvitationTokens.hash(token)).orElse(null) : null;
        return notice(inv, hl, model, request, response);
    }

    /** The polite page for an unknown, used or expired link (with its status), or null when the form may show. */
    private String notice(TokenInvitation inv, String hl, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        if (inv == null) {
            response.setStatus(404);
            return notice("unknown", hl, null, model, request);
        }
        if (inv.answered()) {
            return notice("used", hl, inv, model, request);
        }
        if (inv.campaignStatus() == SurveyCampaignStatus.CLOSED || inv.expiresAt() == null
                || !Instant.now(clock).isBefore(inv.expiresAt())) {
            response.setStatus(410);
            return notice("expired", hl, inv, model, request);
        }
        return null;
    }

    private String notice(String kind, String hl, TokenInvitation inv, Model model, HttpServletRequest request) {
        Locale locale = locale(hl, inv);
        PageLocale.use(request, locale);
        model.addAttribute("kind", kind);
        model.addAttribute("contact", settings.contact());
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("lang", PageLocale.tag(locale));
        return NOTICE;
    }

    private String limited(String hl, Model model, HttpServletRequest request, HttpServletResponse response) {
        log.info("Survey token page: rate limit reached for {}", request.getRemoteAddr());
        response.setStatus(429);
        model.addAttribute("windowMinutes", limiter.windowMinutes());
        return notice("limited", hl, null, model, request);
    }

    private String form(TokenInvitation inv, String token, String hash, String hl, Map<String, Integer> ratings,
                        String opinion, String problemKey, Model model, HttpServletRequest request) {
        Locale locale = locale(hl, inv);
        PageLocale.use(request, locale);
        TemplateView template = templates.revision(inv.templateId());
        model.addAttribute("inv", inv);
        // the survey's public title, never the internal campaign name
        model.addAttribute("surveyTitle", mailer.title(inv.title(), locale));
        model.addAttribute("token", token);
        model.addAttribute("template", template);
        model.addAttribute("texts", new QuestionnaireTexts(template, locale));
        model.addAttribute("ratings", ratings);
        model.addAttribute("opinion", opinion);
        model.addAttribute("problemKey", problemKey);
        model.addAttribute("nonce", nonces.issue(hash));
        model.addAttribute("lang", PageLocale.tag(locale));
        model.addAttribute("languages", List.of("zh-CN", "zh-TW", "en"));
        model.addAttribute("expiresAt", inv.expiresAt());
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("contact", settings.contact());
        return FORM;
    }

    private static Locale locale(String hl, TokenInvitation inv) {
        return PageLocale.of(hl != null && !hl.isBlank() ? hl : inv == null ? null : inv.language());
    }

    /** The page holds a personal link: the platform's private-page headers (no cache, no index, no referrer). */
    private static void privatePage(HttpServletResponse response) {
        PublicLinkPages.privatePage(response);
    }
}
