package com.careloop.platform;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;

/**
 * What every page opened from a personal link without login ({@link CustomerLinks}) does the same way, so the owning
 * module keeps only its view and its answer: the private-page headers (never cached, indexed or sent on as a
 * referrer); the token look-up with the polite states {@code unknown} (404), {@code expired}, {@code answered},
 * {@code form}, {@code thanks} and {@code limited} (429, POSTs per client address, 20 per 10 minutes); the page's
 * language from the link ({@code ?hl=} or the language recorded with the link, when the module knows one); and the
 * common model attributes {@code companyName}, {@code token}, {@code state}, the view under its attribute name and,
 * after a refused answer, {@code problemMessage} (422) — a second or late answer shows the page again with 409.
 *
 * @param <V> the module's public view of the record behind the token
 */
public final class PublicLinkPages<V> {

    private static final Logger log = LoggerFactory.getLogger(PublicLinkPages.class);

    private final String page;
    private final String attribute;
    private final Function<String, Optional<V>> lookup;
    private final Function<V, String> stateOf;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;
    private Function<V, String> languageOf = v -> null;
    private BiConsumer<V, Model> extras = (v, m) -> { };

    /**
     * @param page      the template
     * @param attribute the model attribute the template reads the view from
     * @param lookup    the view of a token, empty when unknown
     * @param stateOf   the view's state when no answer was just given: {@code form}, {@code answered}, {@code expired}…
     * @param limiter   the page's per-address budget ({@link PerAddressLimiters#create}: this node or all nodes)
     */
    public PublicLinkPages(String page, String attribute, Function<String, Optional<V>> lookup,
                           Function<V, String> stateOf, CareLoopProperties platform, PerAddressLimiter limiter) {
        this.page = page;
        this.attribute = attribute;
        this.lookup = lookup;
        this.stateOf = stateOf;
        this.platform = platform;
        this.limiter = limiter;
    }

    /** The language tag recorded with the link (zh-CN, zh-TW, en), null when none: the page renders in it. */
    public PublicLinkPages<V> language(Function<V, String> languageOf) {
        this.languageOf = languageOf;
        return this;
    }

    /** Further model attributes of a known token's page (e.g. the choices of a form). */
    public PublicLinkPages<V> extras(BiConsumer<V, Model> extras) {
        this.extras = extras;
        return this;
    }

    /** The state of the link from "answered / expired / otherwise the form" (the common rule of the views). */
    public static String state(boolean answered, boolean expired) {
        return answered ? "answered" : expired ? "expired" : "form";
    }

    /** GET: shows the record behind the token (or the polite page); records nothing. */
    public String show(String token, String hl, Model model, HttpServletRequest request, HttpServletResponse response) {
        return render(token, hl, null, model, request, response);
    }

    /**
     * POST: the limit per address, then the module's answer in its own transaction. Refusals come back on the page:
     * bad input 422 with {@code problemMessage}, answered or expired 409, unknown 404.
     */
    public String answer(String token, String hl, Runnable answer, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        privatePage(response);
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            log.info("Public link page {}: rate limit reached for {}", page, request.getRemoteAddr());
            response.setStatus(429);
            model.addAttribute("state", "limited");
            model.addAttribute("companyName", platform.companyName());
            return page;
        }
        if (lookup.apply(token).isEmpty()) {
            return show(token, hl, model, request, response);
        }
        try {
            answer.run();
            return render(token, hl, "thanks", model, request, response);
        } catch (InvalidInputException e) {
            model.addAttribute("problemMessage", e.getMessage());
            return refused(422, token, hl, model, request, response);
        } catch (NotFoundException e) {
            return show(token, hl, model, request, response);
        } catch (DomainException e) {
            return refused(409, token, hl, model, request, response);
        }
    }

    private String refused(int status, String token, String hl, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        String shown = show(token, hl, model, request, response);
        if (response.getStatus() != 404) {
            response.setStatus(status);
        }
        return shown;
    }

    private String render(String token, String hl, String state, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        privatePage(response);
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("token", token);
        V view = lookup.apply(token).orElse(null);
        String language = hl != null && !hl.isBlank() ? hl : view == null ? null : languageOf.apply(view);
        if (language != null && !language.isBlank()) {
            PageLocale.use(request, PageLocale.of(language));
        }
        if (view == null) {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
            return page;
        }
        model.addAttribute(attribute, view);
        extras.accept(view, model);
        model.addAttribute("state", state != null ? state : stateOf.apply(view));
        return page;
    }

    /** The page holds a personal link: never cached, never indexed, the token never sent on as a referrer. */
    public static void privatePage(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
