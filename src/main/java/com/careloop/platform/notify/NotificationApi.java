package com.careloop.platform.notify;

import java.util.List;
import java.util.Map;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUsers;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications over JSON. */
@RestController
@AnyUser
class NotificationApi {

    private final NotificationInbox inbox;
    private final CurrentUsers users;

    NotificationApi(NotificationInbox inbox, CurrentUsers users) {
        this.inbox = inbox;
        this.users = users;
    }

    @GetMapping("/api/v1/notifications")
    List<NotificationInbox.NotificationView> list(@RequestParam(defaultValue = "false") boolean unread) {
        return inbox.latest(users.require().id(), unread, 200);
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        inbox.markRead(users.require().id(), id);
    }

    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead(users.require().id()));
    }
}
