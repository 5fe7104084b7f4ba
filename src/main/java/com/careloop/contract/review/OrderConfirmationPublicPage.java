package com.careloop.contract.review;

import java.time.Duration;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.PerAddressLimiter;
import com.careloop.platform.PerAddressLimiters;
import com.careloop.platform.PublicEndpoint;

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
 * The customer's page of an order confirmation (订单确认表), opened by the personal link without login: the order
 * lines, dates and terms as agreed by phone or orally, and two answers — confirm, or ask for a change with a note.
 * GET only shows; the POST (CSRF like every form) answers once, until the link's last day. Answered (409 on a second
 * answer), expired and unknown links get polite pages; POSTs are limited per client address.
 */
@Controller
@PublicEndpoint
class OrderConfirmationPublicPage {

    private static final Logger log = LoggerFactory.getLogger(OrderConfirmationPublicPage.class);
    private static final String PAGE = "contract/public/order-confirmation";

    private final OrderConfirmations confirmations;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;

    OrderConfirmationPublicPage(OrderConfirmations confirmations, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.confirmations = confirmations;
        this.platform = platform;
        this.limiter = limiters.create("contract-order-confirmation", 20, Duration.ofMinutes(10));
    }

    @GetMapping(OrderConfirmations.PUBLIC_PATH + "{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, null, model, response);
    }

    @PostMapping(OrderConfirmations.PUBLIC_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String note, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            log.info("Order confirmation link: rate limit reached for {}", request.getRemoteAddr());
            response.setStatus(429);
            model.addAttribute("state", "limited");
            model.addAttribute("companyName", platform.companyName());
            return PAGE;
        }
        if (confirmations.byLink(token).isEmpty()) {
            return show(token, null, model, response);
        }
        try {
            confirmations.answerByLink(token, !"change".equals(answer), note);
            return show(token, "thanks", model, response);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("problemMessage", e.getMessage());
            return show(token, null, model, response);
        } catch (NotFoundException e) {
            return show(token, null, model, response);
        } catch (DomainException e) {
            String page = show(token, null, model, response);
            response.setStatus(409);
            return page;
        }
    }

    private String show(String token, String state, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("token", token);
        OrderConfirmations.PublicView o = confirmations.byLink(token).orElse(null);
        if (o == null) {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
            return PAGE;
        }
        model.addAttribute("o", o);
        model.addAttribute("state", state != null ? state : o.state());
        return PAGE;
    }
}
