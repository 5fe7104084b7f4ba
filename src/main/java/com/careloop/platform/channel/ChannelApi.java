package com.careloop.platform.channel;

import java.util.List;
import java.util.Map;

import com.careloop.platform.AnyUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The channels over JSON: a user's own choices, the administrators' channel addresses and the delivery list. */
@RestController
class ChannelApi {

    private final NotificationPreferences preferences;
    private final ChannelAccounts accounts;
    private final ChannelOutbox outbox;
    private final CurrentUsers users;

    ChannelApi(NotificationPreferences preferences, ChannelAccounts accounts, ChannelOutbox outbox, CurrentUsers users) {
        this.preferences = preferences;
        this.accounts = accounts;
        this.outbox = outbox;
        this.users = users;
    }

    @AnyUser
    @GetMapping("/api/v1/notifications/settings")
    NotificationPreferences.Settings settings() {
        return preferences.settings(users.require().id());
    }

    /** Replaces the choices: {@code {"contract": ["EMAIL", "SMS"], ...}}; a kind left out gets no channel. */
    @AnyUser
    @PutMapping("/api/v1/notifications/settings")
    NotificationPreferences.Settings choose(@RequestBody Map<String, List<String>> chosen) {
        return preferences.choose(users.require().id(), chosen);
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PutMapping("/api/v1/departments/{id}/wecom-robot")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void robot(@PathVariable long id, @RequestBody Map<String, String> body) {
        accounts.setRobotUrl(id, body.get("wecomRobotUrl"));
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @PutMapping("/api/v1/users/{id}/wecom")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void wecomUser(@PathVariable long id, @RequestBody Map<String, String> body) {
        accounts.setWecomUserId(id, body.get("wecomUserId"));
    }

    @RequiresPermission(PlatformPermissions.ORG_MANAGE)
    @GetMapping("/api/v1/notification-deliveries")
    List<ChannelOutbox.Delivery> deliveries(@RequestParam(required = false) ChannelOutbox.Status status,
                                            @RequestParam(required = false) Channel channel,
                                            @RequestParam(required = false) Long before) {
        return outbox.list(status, channel, before, ChannelAdmin.PAGE);
    }
}
