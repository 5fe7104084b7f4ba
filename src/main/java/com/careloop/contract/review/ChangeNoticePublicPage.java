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
 * The customer's page of a change notice (合同变更通知单), opened by the personal link without login: what changed
 * (kinds, reason, the new delivery date, terms and lines of the new revision) and two answers — confirm, or comment
 * (text required). In the customer's language of the link; the link rules are the platform's {@link PublicLinkPages}.
 */
@Controller
@PublicEndpoint
class ChangeNoticePublicPage {

    private final ChangeNoticeCustomers customers;
    private final PublicLinkPages<ChangeNoticeCustomers.PublicView> pages;

    ChangeNoticePublicPage(ChangeNoticeCustomers customers, CareLoopProperties platform, PerAddressLimiters limiters) {
        this.customers = customers;
        this.pages = new PublicLinkPages<>("contract/public/change-notice", "n", customers::byLink,
                ChangeNoticeCustomers.PublicView::state, platform,
                limiters.create("contract-change-notice", 20, Duration.ofMinutes(10)))
                .language(ChangeNoticeCustomers.PublicView::language);
    }

    @GetMapping(ChangeNoticeCustomers.PUBLIC_PATH + "{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String hl, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        return pages.show(token, hl, model, request, response);
    }

    @PostMapping(ChangeNoticeCustomers.PUBLIC_PATH + "{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String hl, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        return pages.answer(token, hl, () -> customers.answer(token, !"comment".equals(answer), note), model, request,
                response);
    }
}
