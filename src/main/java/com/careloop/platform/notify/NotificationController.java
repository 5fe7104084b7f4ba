package com.careloop.platform.notify;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.Notifications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The notification list page and its JSON twin; every user sees only their own. */
@Controller
@AnyUser
class NotificationController {

    private final NotificationInbox inbox;
    private final Notifications notifications;
    private final CurrentUsers users;

    NotificationController(NotificationInbox inbox, Notifications notifications, CurrentUsers users) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        model.addAttribute("items", inbox.latest(users.require().id(), unread, 200));
        model.addAttribute("unreadOnly", unread);
        return "platform/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id) {
        inbox.markRead(users.require().id(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll() {
        inbox.markAllRead(users.require().id());
        return "redirect:/notifications";
    }

    /** The bell's counter, polled by htmx. */
    @GetMapping("/notifications/unread-count")
    @ResponseBody
    String unreadCount() {
        long n = notifications.unreadCount(users.require().id());
        return n == 0 ? "" : String.valueOf(n);
    }
}
