package com.careloop.platform.web;

import com.careloop.platform.AnyUser;
import com.careloop.platform.PublicEndpoint;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page and the home page of the shell. */
@Controller
class ShellPages {

    private final HomeSummary summary;

    ShellPages(HomeSummary summary) {
        this.summary = summary;
    }

    @PublicEndpoint
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("error", error);
        return "login";
    }

    @AnyUser
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("summary", summary.now());
        return "home";
    }
}
