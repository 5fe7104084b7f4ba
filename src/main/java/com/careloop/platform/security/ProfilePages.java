package com.careloop.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.org.Accounts;
import com.careloop.platform.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own page: language and personal API tokens. */
@Controller
@AnyUser
class ProfilePages {

    private final ApiTokens tokens;
    private final CurrentUsers users;
    private final Accounts accounts;
    private final CareLoopProperties properties;
    private final Clock clock;

    ProfilePages(ApiTokens tokens, CurrentUsers users, Accounts accounts, CareLoopProperties properties, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("tokens", tokens.tokensOf(users.require().id()));
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("zone", properties.zone());
        return "platform/profile";
    }

    @PostMapping("/profile/tokens")
    String issue(@RequestParam String name, @RequestParam(defaultValue = "30") int days, RedirectAttributes flash) {
        if (name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "length", Text.of("error.platform.token-name-1-100"));
        }
        if (days < 1 || days > 366) {
            throw new InvalidInputException("days", "range", Text.of("error.platform.lifetime-1-366-days"));
        }
        var issued = tokens.issue(users.require().id(), name.trim(), Duration.ofDays(days));
        flash.addFlashAttribute("newToken", issued.token());
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(users.require().id(), id);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/locale")
    String locale(@RequestParam String lang) {
        accounts.chooseLocale(users.require().id(), lang);
        return "redirect:/profile?lang=" + lang;
    }
}
