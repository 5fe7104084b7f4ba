package com.careloop.servicedesk.intake;

import java.time.Duration;

import com.careloop.platform.CustomerLinks;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.servicedesk.ServiceDesk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public progress page (进度查询): the record number and the phone given at intake show the request's status
 * and its steps with their times in plain words, nothing else (no names, no departments, no notes). A wrong
 * number and a wrong phone get the same neutral answer, so the page cannot tell which numbers exist. Look-ups are
 * limited per client address ({@code careloop.servicedesk.public-progress.max-lookups} per {@code window}), so
 * phones cannot be guessed for a known number. POST (CSRF like the form), so number and phone stay out of logs.
 */
@Controller
@PublicEndpoint
class PublicProgressPage {

    private static final Logger log = LoggerFactory.getLogger(PublicProgressPage.class);
    private static final String PAGE = "servicedesk/public/progress";

    private final ServiceDesk desk;
    private final CustomerLinks links;
    private final PerAddressLimiter limiter;

    PublicProgressPage(ServiceDesk desk, CustomerLinks links, PerAddressLimiters limiters,
                       @Value("${careloop.servicedesk.public-progress.max-lookups:10}") int maxLookups,
                       @Value("${careloop.servicedesk.public-progress.window:10m}") Duration window) {
        this.desk = desk;
        this.links = links;
        this.limiter = limiters.create("servicedesk-progress", maxLookups, window);
    }

    @GetMapping("/public/service-requests/progress")
    String page() {
        return PAGE;
    }

    @PostMapping("/public/service-requests/progress")
    String lookUp(@RequestParam(required = false) String code, @RequestParam(required = false) String phone, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("code", code);
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            log.info("Public progress page: rate limit reached for {}", request.getRemoteAddr());
            response.setStatus(429);
            model.addAttribute("windowMinutes", limiter.windowMinutes());
            return PAGE;
        }
        model.addAttribute("progress", desk.publicProgress(code, phone).orElse(null));
        model.addAttribute("looked", true);
        return PAGE;
    }

    /**
     * The personal progress link sent by SMS at intake ({@link ProgressLinks}): the same page, without typing number
     * and phone. An unknown, replaced or expired link gets the neutral "not found" answer; counted like a look-up.
     */
    @GetMapping(ProgressLinks.PATH + "{token}")
    String byLink(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("windowMinutes", limiter.windowMinutes());
            return PAGE;
        }
        model.addAttribute("progress", links.resolve(ProgressLinks.PURPOSE, token).filter(t -> !t.expired())
                .flatMap(t -> desk.publicProgress(t.recordId())).orElse(null));
        model.addAttribute("looked", true);
        return PAGE;
    }

    /** Tests start from a clean slate. */
    void reset() {
        limiter.reset();
    }
}
