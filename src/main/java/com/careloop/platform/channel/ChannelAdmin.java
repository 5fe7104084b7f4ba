package com.careloop.platform.channel;

import java.util.List;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of the channels: a department's WeCom robot, a user's WeCom user id (fields on their admin pages,
 * audited), and the list of channel deliveries with their status, last error and next attempt.
 */
@Controller
class ChannelAdmin {

    static final int PAGE = 100;

    private final ChannelAccounts accounts;
    private final ChannelOutbox outbox;

    ChannelAdmin(ChannelAccounts accounts, ChannelOutbox outbox) {
        this.accounts = accounts;
        this.outbox = outbox;
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/admin/departments/{id}/wecom-robot")
    String robot(@PathVariable long id, @RequestParam(required = false) String wecomRobotUrl, RedirectAttributes flash) {
        try {
            accounts.setRobotUrl(id, wecomRobotUrl);
            flash.addFlashAttribute("success", "saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/departments";
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PostMapping("/admin/users/{id}/wecom")
    String wecomUser(@PathVariable long id, @RequestParam(required = false) String wecomUserId,
                     RedirectAttributes flash) {
        try {
            accounts.setWecomUserId(id, wecomUserId);
            flash.addFlashAttribute("success", "saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @GetMapping("/admin/notification-deliveries")
    String deliveries(@RequestParam(required = false) ChannelOutbox.Status status,
                      @RequestParam(required = false) Channel channel, @RequestParam(required = false) Long before,
                      Model model) {
        List<ChannelOutbox.Delivery> rows = outbox.list(status, channel, before, PAGE);
        model.addAttribute("deliveries", rows);
        model.addAttribute("statuses", ChannelOutbox.Status.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("nextBefore", rows.size() == PAGE ? rows.get(rows.size() - 1).id() : null);
        return "platform/notification-deliveries";
    }

    /** The sidebar entry under 系统管理. */
    @org.springframework.stereotype.Component
    static class DeliveriesNavigation implements com.careloop.platform.Navigation {

        @Override
        public List<com.careloop.platform.NavItem> items() {
            return List.of(new com.careloop.platform.NavItem("nav.group.admin", "nav.channelDeliveries",
                    "/admin/notification-deliveries", PlatformPermissions.ORG_MANAGE, 906));
        }
    }
}
