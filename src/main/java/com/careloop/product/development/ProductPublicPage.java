package com.careloop.product.development;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductViews.PublicQuotation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of a new-product quotation (新品报价单), opened by the personal link without login: the product,
 * the price tiers, the validity and terms (nothing internal), and the answer — accept with the quantity and the
 * delivery date, or reject with the reason. GET only shows; the explicit POST (CSRF like every form) answers once,
 * until the quotation's last day. Answered, expired and unknown links get polite pages; POSTs are limited per address.
 */
@Controller
@PublicEndpoint
class ProductPublicPage {

    private static final Logger log = LoggerFactory.getLogger(ProductPublicPage.class);
    private static final String PAGE = "product/public/quotation";

    private final ProductDevelopments developments;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;

    ProductPublicPage(ProductDevelopments developments, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.developments = developments;
        this.platform = platform;
        this.limiter = limiters.create("product-development", 20, Duration.ofMinutes(10));
    }

    @GetMapping(ProductDevelopments.LINK_PATH + "{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, null, model, response);
    }

    @PostMapping(ProductDevelopments.LINK_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) Boolean accepted,
                  @RequestParam(required = false) String quantity,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryDate,
                  @RequestParam(required = false) String note, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            log.info("Quotation link: rate limit reached for {}", request.getRemoteAddr());
            response.setStatus(429);
            model.addAttribute("state", "limited");
            model.addAttribute("companyName", platform.companyName());
            return PAGE;
        }
        if (developments.byLink(token).isEmpty()) {
            return show(token, null, model, response);
        }
        try {
            developments.answerByLink(token, accepted, decimal(quantity), deliveryDate, note);
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

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("quantity", "number", com.careloop.platform.Text.of("error.product.number",
                    "quantity", value));
        }
    }

    private String show(String token, String state, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("token", token);
        PublicQuotation q = developments.byLink(token).orElse(null);
        if (q == null) {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
            return PAGE;
        }
        model.addAttribute("q", q);
        model.addAttribute("state", state != null ? state : q.answered() ? "answered" : q.expired() ? "expired"
                : "form");
        return PAGE;
    }
}
