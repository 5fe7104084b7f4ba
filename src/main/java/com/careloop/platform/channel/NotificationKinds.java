package com.careloop.platform.channel;

import java.util.List;

import com.careloop.platform.Text;

/**
 * The kinds a user chooses channels for: the area a notification's title message belongs to (the first part of its
 * code: {@code contract.notify.accepted.title} is a contract notification). A title from an area not listed here, or
 * a literal, is {@link #OTHER}. Labels: {@code notification.kind.<kind>}.
 */
public final class NotificationKinds {

    public static final String OTHER = "other";

    /** In the order of the settings page. */
    public static final List<String> ALL = List.of("texts", "approvals", "contract", "property", "fieldservice",
            "fieldhistory", "inspection", "product", "sample", "calendar", "webhook", OTHER);

    private NotificationKinds() {
    }

    public static String of(Text title) {
        if (title == null || title.isLiteral()) {
            return OTHER;
        }
        int dot = title.code().indexOf('.');
        String area = dot < 0 ? title.code() : title.code().substring(0, dot);
        return ALL.contains(area) ? area : OTHER;
    }
}
