package com.careloop.contract.review;

import java.time.Duration;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.PublicLinkPages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of an order confirmation (订单确认表), opened by the personal link without login: the order
 * lines, dates and terms as agreed by phone or orally, and two answers — confirm, or ask for a change with a note.
 * In the customer's language of the link; the link rules are the platform's {@link PublicLinkPages}.
 */
@Controller
@PublicEndpoint
class OrderConfirmationPublicPage {

    private final OrderConfirmations confirmations;
    private final PublicLinkPages<OrderConfirmations.PublicView> pages;

    OrderConfirmationPublicPage(OrderConfirmations confirmations, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.confirmations = confirmations;
        this.pages = new PublicLinkPages<>("contract/public/order-confirmation", "o", confirmations::byLink,
                OrderConfirmations.PublicView::state, platform,
                limiters.create("contract-order-confirmation", 20, Duration.ofMinutes(10)))
                .language(OrderConfirmations.PublicView::language);
    }

    @GetMapping(OrderConfirmations.PUBLIC_PATH + "{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String hl, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return pages.show(token, hl, model, request, response);
    }

    @PostMapping(OrderConfirmations.PUBLIC_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String hl, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return pages.answer(token, hl, () -> confirmations.answerByLink(token, !"change".equals(answer), note), model,
                request, response);
    }
}
