package com.careloop.customer.keys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerPermissions;
import com.careloop.platform.Text;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Notifications;
import com.careloop.platform.OrgDirectory;

import org.springframework.stereotype.Component;

/** The CS center people who decide key-customer changes (customer:approve-key), and the company's today. */
@Component
class Approvers {

    private final OrgDirectory org;
    private final Notifications notifications;
    private final Clock clock;
    private final CareLoopProperties properties;

    Approvers(OrgDirectory org, Notifications notifications, Clock clock, CareLoopProperties properties) {
        this.org = org;
        this.notifications = notifications;
        this.clock = clock;
        this.properties = properties;
    }

    /** Active users holding the approve permission through any of their roles. */
    List<Long> ids() {
        return org.activeUsersWithPermission(CustomerPermissions.APPROVE_KEY).stream().map(OrgDirectory.User::id).sorted()
                .toList();
    }

    /** Notifies every approver except {@code except} (who would be telling themselves); returns how many. */
    int notifyAll(Long except, Text title, Text body, String link) {
        int sent = 0;
        for (long id : ids()) {
            if (except == null || id != except) {
                notifications.notify(id, title, body, link);
                sent++;
            }
        }
        return sent;
    }

    /** The date in the company's time zone: quarters and "key since" follow the company's calendar. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}
