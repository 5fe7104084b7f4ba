package com.careloop.platform.channel;

import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.List;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My notifications": each user chooses per kind which channels they get (the page; JSON in {@link ChannelApi}).
 */
@Controller
@AnyUser
class ChannelSettings {

    private final NotificationPreferences preferences;
    private final CurrentUsers users;

    ChannelSettings(NotificationPreferences preferences, CurrentUsers users) {
        this.preferences = preferences;
        this.users = users;
    }

    @GetMapping("/notifications/settings")
    String page(Model model) {
        model.addAttribute("settings", preferences.settings(users.require().id()));
        model.addAttribute("kinds", NotificationKinds.ALL);
        return "platform/notification-settings";
    }

    /** Checkboxes named {@code choice} with values {@code kind:CHANNEL}. */
    @PostMapping("/notifications/settings")
    String save(@RequestParam(name = "choice", required = false) List<String> choices, RedirectAttributes flash) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (String choice : choices == null ? List.<String>of() : choices) {
            int colon = choice.indexOf(':');
            chosen.computeIfAbsent(colon < 0 ? choice : choice.substring(0, colon), k -> new ArrayList<>())
                    .add(colon < 0 ? "" : choice.substring(colon + 1));
        }
        try {
            preferences.choose(users.require().id(), chosen);
            flash.addFlashAttribute("success", "saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/notifications/settings";
    }
}
