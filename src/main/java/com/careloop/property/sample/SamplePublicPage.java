package com.careloop.property.sample;

import java.time.Duration;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.property.SampleViews.PublicConfirmation;
import com.careloop.property.Samples;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of a sample sent, opened by the personal link without login: the sample and its inspection
 * result, and the answer (approve, or reject with the reason). GET only shows; the explicit POST (CSRF like every
 * form) records the answer once, until the link's last day. Answered, expired and unknown links get polite pages;
 * POSTs are limited per client address.
 */
@Controller
@PublicEndpoint
class SamplePublicPage {

    private static final Logger log = LoggerFactory.getLogger(SamplePublicPage.class);
    private static final String PAGE = "samples/public/confirm";

    private final Samples samples;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;

    SamplePublicPage(Samples samples, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.samples = samples;
        this.platform = platform;
        this.limiter = limiters.create("property-sample", 20, Duration.ofMinutes(10));
    }

    @GetMapping(Samples.LINK_PATH + "{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, null, model, response);
    }

    @PostMapping(Samples.LINK_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) Boolean approved,
                  @RequestParam(required = false) String note, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            log.info("Sample confirmation link: rate limit reached for {}", request.getRemoteAddr());
            response.setStatus(429);
            model.addAttribute("state", "limited");
            model.addAttribute("companyName", platform.companyName());
            return PAGE;
        }
        if (samples.byLink(token).isEmpty()) {
            return show(token, null, model, response);
        }
        try {
            samples.confirmByLink(token, approved, note);
            return show(token, "thanks", model, response);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problemMessage", e.getMessage());
            return show(token, null, model, response);
        } catch (DomainException e) {
            response.setStatus(409);
            return show(token, null, model, response);
        }
    }

    private String show(String token, String state, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("token", token);
        PublicConfirmation c = samples.byLink(token).orElse(null);
        if (c == null) {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
            return PAGE;
        }
        model.addAttribute("c", c);
        model.addAttribute("p", c.sample());
        model.addAttribute("state", state != null ? state : c.answered() ? "answered" : c.expired() ? "expired"
                : "form");
        return PAGE;
    }
}
