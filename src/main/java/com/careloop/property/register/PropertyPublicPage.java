package com.careloop.property.register;

import java.time.Duration;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.property.CustomerDecision;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyViews.PublicProblem;

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
 * The customer's page of a problem report (顾客财产问题报告单), opened by the personal link without login: the report
 * in plain words and the decision (repair, replace, return, scrap, use as is) with a note. GET only shows; the explicit
 * POST (CSRF like every form) records the decision once, until the link's last day. Answered, expired and unknown
 * links get polite pages; POSTs are limited per client address.
 */
@Controller
@PublicEndpoint
class PropertyPublicPage {

    private static final Logger log = LoggerFactory.getLogger(PropertyPublicPage.class);
    private static final String PAGE = "property/public/problem";

    private final CustomerProperties properties;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;

    PropertyPublicPage(CustomerProperties properties, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.properties = properties;
        this.platform = platform;
        this.limiter = limiters.create("property-register", 20, Duration.ofMinutes(10));
    }

    @GetMapping("/public/property-problems/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, null, model, response);
    }

    @PostMapping("/public/property-problems/{token}")
    String decide(@PathVariable String token, @RequestParam(required = false) CustomerDecision decision,
                  @RequestParam(required = false) String note, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            log.info("Customer property link: rate limit reached for {}", request.getRemoteAddr());
            response.setStatus(429);
            model.addAttribute("state", "limited");
            model.addAttribute("companyName", platform.companyName());
            return PAGE;
        }
        if (properties.byLink(token).isEmpty()) {
            return show(token, null, model, response);
        }
        try {
            properties.decideByLink(token, decision, note);
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
        PublicProblem p = properties.byLink(token).orElse(null);
        if (p == null) {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
            return PAGE;
        }
        model.addAttribute("p", p);
        model.addAttribute("decisions", CustomerDecision.values());
        model.addAttribute("state", state != null ? state : p.decision() != null ? "answered"
                : p.expired() ? "expired" : "form");
        return PAGE;
    }
}
