package com.careloop.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.SearchProvider;
import com.careloop.platform.SearchProvider.Hit;
import com.careloop.platform.SearchProvider.Query;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box of the top bar (the page; {@link GlobalSearchApi} is the same over JSON): every module's {@link SearchProvider} asked with what was typed; exact record
 * numbers first. On the page an exact number that only one record has opens that record at once.
 */
@Controller
class GlobalSearch {

    /** The answer of the API: the hits, and {@code exact} when one of them is the number typed. */
    record Result(String q, List<Found> hits, Found exact) {
    }

    record Found(String kind, String kindKey, String number, String title, String href) {
    }

    private final List<SearchProvider> providers;
    private final CurrentUsers users;
    private final org.springframework.context.MessageSource messages;

    GlobalSearch(List<SearchProvider> providers, CurrentUsers users, org.springframework.context.MessageSource messages) {
        this.providers = providers;
        this.users = users;
        this.messages = messages;
    }

    @AnyUser
    @GetMapping("/search")
    String page(@RequestParam(required = false) String q, Model model) {
        if (q == null || q.isBlank()) {
            model.addAttribute("q", "");
            model.addAttribute("hits", List.of());
            return "platform/search";
        }
        Result r = search(q);
        if (r.exact() != null) {
            return "redirect:" + r.exact().href();
        }
        model.addAttribute("q", r.q());
        model.addAttribute("hits", r.hits());
        return "platform/search";
    }

    Result search(String raw) {
        Query query = Query.of(raw);
        if (query.text().length() < 2 || query.text().length() > 100) {
            throw new InvalidInputException("q", "length", com.careloop.platform.Text.of("error.platform.search-length"));

        }
        CurrentUser me = users.require();
        List<Hit> hits = new ArrayList<>();
        providers.forEach(p -> hits.addAll(p.search(query, me)));
        hits.sort(Comparator.comparing((Hit h) -> !h.number().equalsIgnoreCase(query.text())));
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<Found> found = hits.stream().map(h -> new Found(messages.getMessage(h.kindKey(), null, h.kindKey(), locale),
                h.kindKey(), h.number(), h.title(), h.href())).toList();
        List<Found> exact = found.stream().filter(f -> f.number().equalsIgnoreCase(query.text())).toList();
        return new Result(query.text(), found, exact.size() == 1 ? exact.get(0) : null);
    }
}
