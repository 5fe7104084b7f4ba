package com.careloop.product.development;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.PublicLinkPages;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductViews.PublicQuotation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * delivery date, or reject with the reason. The link rules (once, until the quotation's last day, polite pages, the
 * limit per address) are the platform's {@link PublicLinkPages}.
 */
@Controller
@PublicEndpoint
class ProductPublicPage {

    private final ProductDevelopments developments;
    private final PublicLinkPages<PublicQuotation> pages;

    ProductPublicPage(ProductDevelopments developments, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.developments = developments;
        this.pages = new PublicLinkPages<>("product/public/quotation", "q", developments::byLink,
                q -> PublicLinkPages.state(q.answered(), q.expired()), platform,
                limiters.create("product-development", 20, Duration.ofMinutes(10)));
    }

    @GetMapping(ProductDevelopments.LINK_PATH + "{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String hl, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return pages.show(token, hl, model, request, response);
    }

    @PostMapping(ProductDevelopments.LINK_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) Boolean accepted,
                  @RequestParam(required = false) String quantity,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryDate,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String hl, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return pages.answer(token, hl, () -> developments.answerByLink(token, accepted, decimal(quantity), deliveryDate,
                note), model, request, response);
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
}
