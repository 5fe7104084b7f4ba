package com.careloop.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.HomePanel;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.org.Accounts;
import com.careloop.platform.PublicEndpoint;
import com.careloop.platform.security.SsoLogin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page and the home page of the shell. */
@Controller
class ShellPages {

    /** A panel as the home page shows it: its fragment and what it reads as {@code ${panel}}. */
    record Shown(String fragment, Object model) {
    }

    private final List<HomePanel> panels;
    private final CurrentUsers users;
    private final CareLoopProperties properties;
    private final SsoLogin sso;

    ShellPages(List<HomePanel> panels, CurrentUsers users, CareLoopProperties properties, SsoLogin sso) {
        this.sso = sso;
        this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
        this.users = users;
        this.properties = properties;
    }

    @PublicEndpoint
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("loginError", error);
        // directory and OIDC failures by their message key; unknown values show nothing
        model.addAttribute("ssoError", SsoLogin.knownError(error) ? "login.error." + error : null);
        model.addAttribute("ssoButtons", sso.buttons());
        model.addAttribute("directoryName", sso.directoryName().orElse(null));
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
    String home(@RequestParam Map<String, String> parameters, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("panels", panels.stream().filter(p -> p.visibleTo(me))
                .map(p -> new Shown(p.fragment(), p.model(me, parameters))).toList());
        return "home";
    }
}
