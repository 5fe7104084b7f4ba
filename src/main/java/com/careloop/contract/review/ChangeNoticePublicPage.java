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

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of a change notice (合同变更通知单), opened by the personal link without login: what changed
 * (kinds, reason, the new delivery date, terms and lines of the new revision) and two answers — confirm, or comment
 * (text required). GET only shows; the POST answers once, until the link's last day; answered (409 on a second answer),
 * expired and unknown links get polite pages; POSTs are limited per client address.
 */
@Controller
@PublicEndpoint
class ChangeNoticePublicPage {

    private static final String PAGE = "contract/public/change-notice";

    private final ChangeNoticeCustomers customers;
    private final CareLoopProperties platform;
    private final PerAddressLimiter limiter;

    ChangeNoticePublicPage(ChangeNoticeCustomers customers, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.customers = customers;
        this.platform = platform;
        this.limiter = limiters.create("contract-change-notice", 20, Duration.ofMinutes(10));
    }

    @GetMapping(ChangeNoticeCustomers.PUBLIC_PATH + "{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        return show(token, null, model, response);
    }

    @PostMapping(ChangeNoticeCustomers.PUBLIC_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String note, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            response.setStatus(429);
            model.addAttribute("state", "limited");
            model.addAttribute("companyName", platform.companyName());
            return PAGE;
        }
        try {
            customers.answer(token, !"comment".equals(answer), note);
            return show(token, "thanks", model, response);
        } catch (InvalidInputException e) {
            model.addAttribute("problemMessage", e.getMessage());
            String page = show(token, null, model, response);
            response.setStatus(422);
            return page;
        } catch (NotFoundException e) {
            return show(token, null, model, response);
        } catch (DomainException e) {
            String page = show(token, null, model, response);
            response.setStatus(response.getStatus() == 404 ? 404 : 409);
            return page;
        }
    }

    private String show(String token, String state, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("companyName", platform.companyName());
        model.addAttribute("token", token);
        ChangeNoticeCustomers.PublicView n = customers.byLink(token).orElse(null);
        if (n == null) {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
            return PAGE;
        }
        model.addAttribute("n", n);
        model.addAttribute("state", state != null ? state : n.state());
        return PAGE;
    }
}
