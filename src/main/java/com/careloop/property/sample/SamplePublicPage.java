package com.careloop.property.sample;

import java.time.Duration;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.PublicLinkPages;
import com.careloop.property.SampleViews.PublicConfirmation;
import com.careloop.property.Samples;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of a sample sent, opened by the personal link without login: the sample and its inspection
 * result, and the answer (approve, or reject with the reason). The link rules (once, until the last day, polite pages,
 * the limit per address) are the platform's {@link PublicLinkPages}.
 */
@Controller
@PublicEndpoint
class SamplePublicPage {

    private final Samples samples;
    private final PublicLinkPages<PublicConfirmation> pages;

    SamplePublicPage(Samples samples, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.samples = samples;
        this.pages = new PublicLinkPages<>("samples/public/confirm", "c", samples::byLink,
                c -> PublicLinkPages.state(c.answered(), c.expired()), platform,
                limiters.create("property-sample", 20, Duration.ofMinutes(10)))
                .extras((c, model) -> model.addAttribute("p", c.sample()));
    }

    @GetMapping(Samples.LINK_PATH + "{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String hl, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return pages.show(token, hl, model, request, response);
    }

    @PostMapping(Samples.LINK_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) Boolean approved,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String hl, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return pages.answer(token, hl, () -> samples.confirmByLink(token, approved, note), model, request, response);
    }
}
