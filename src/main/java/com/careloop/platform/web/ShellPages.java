package com.careloop.platform.web;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.org.Accounts;
import com.careloop.platform.PublicEndpoint;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page and the home page of the shell. */
@Controller
class ShellPages {

    private final HomeSummary summary;
    private final CareLoopProperties properties;

    ShellPages(HomeSummary summary, CareLoopProperties properties) {
        this.summary = summary;
        this.properties = properties;
    }

    @PublicEndpoint
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("loginError", error);
        model.addAttribute("lockMinutes", properties.security().lockDuration().toMinutes());
        model.addAttribute("companyName", properties.companyName());
        model.addAttribute("demoMode", properties.demoData());
        if (properties.demoData()) {
            model.addAttribute("demoPassword", Accounts.DEMO_PASSWORD);
        }
        return "login";
    }

    @AnyUser
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("summary", summary.now());
        return "home";
    }
}
