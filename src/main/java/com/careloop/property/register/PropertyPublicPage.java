package com.careloop.property.register;

import java.time.Duration;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.PublicLinkPages;
import com.careloop.property.CustomerDecision;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyViews.PublicProblem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of a problem report (顾客财产问题报告单), opened by the personal link without login: the report
 * in plain words and the decision (repair, replace, return, scrap, use as is) with a note. The link rules (once, until
 * the last day, polite pages, the limit per address) are the platform's {@link PublicLinkPages}.
 */
@Controller
@PublicEndpoint
class PropertyPublicPage {

    private final CustomerProperties properties;
    private final PublicLinkPages<PublicProblem> pages;

    PropertyPublicPage(CustomerProperties properties, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.properties = properties;
        this.pages = new PublicLinkPages<>("property/public/problem", "p", properties::byLink,
                p -> PublicLinkPages.state(p.decision() != null, p.expired()), platform,
                limiters.create("property-register", 20, Duration.ofMinutes(10)))
                .extras((p, model) -> model.addAttribute("decisions", CustomerDecision.values()));
    }

    @GetMapping("/public/property-problems/{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String hl, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return pages.show(token, hl, model, request, response);
    }

    @PostMapping("/public/property-problems/{token}")
    String decide(@PathVariable String token, @RequestParam(required = false) CustomerDecision decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String hl, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return pages.answer(token, hl, () -> properties.decideByLink(token, decision, note), model, request, response);
    }
}
