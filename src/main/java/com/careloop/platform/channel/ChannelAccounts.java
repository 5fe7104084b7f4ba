package com.careloop.platform.channel;

import java.util.List;
import java.util.Optional;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.FieldChange;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.TargetGuard;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel addresses administrators set: a department's WeCom group robot URL and a user's WeCom user id. Each
 * change is audited on the department or user (old and new value) in the same transaction.
 */
@Service
public class ChannelAccounts {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TargetGuard guard;

    ChannelAccounts(JdbcClient jdbc, AuditTrail audit, TargetGuard guard) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.guard = guard;
    }

    /** For the department page's field. */
    public String robotUrlOf(long departmentId) {
        return robotUrl(departmentId).orElse(null);
    }

    /** For the user page's field. */
    public String wecomUserIdOf(long userId) {
        return wecomUserId(userId).orElse(null);
    }

    Optional<String> robotUrl(long departmentId) {
        return jdbc.sql("select wecom_robot_url from department where id = :id").param("id", departmentId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .orElseThrow(() -> new NotFoundException("department", departmentId));
    }

    /**
     * Sets (or with a blank {@code url} removes) the robot of a department; only an http(s) URL that the SSRF guard
     * lets through is taken (no loopback, private or metadata address unless the site allows internal targets).
     */
    @Transactional
    void setRobotUrl(long departmentId, String url) {
        String value = url == null || url.isBlank() ? null : url.strip();
        if (value != null && value.length() > 1000) {
            throw new InvalidInputException("wecomRobotUrl", "url", Text.of("channel.robot.invalid"));
        }
        if (value != null) {
            guard.problem(value).ifPresent(rule -> {
                throw new InvalidInputException("wecomRobotUrl", rule, Text.of(
                        rule.equals("private-target") || rule.equals("host-unknown") ? "channel.robot." + rule
                                : "channel.robot.invalid"));
            });
        }
        String before = robotUrl(departmentId).orElse(null);
        jdbc.sql("update department set wecom_robot_url = :url where id = :id").param("url", value)
                .param("id", departmentId).update();
        audit.record("department", String.valueOf(departmentId), "wecom-robot",
                List.of(new FieldChange("wecomRobotUrl", masked(before), masked(value))));
    }

    Optional<String> wecomUserId(long userId) {
        return jdbc.sql("select wecom_user_id from app_user where id = :id").param("id", userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    /** Sets (or with a blank id removes) a user's WeCom user id: letters, digits, '.', '_', '-', '@', at most 64. */
    @Transactional
    void setWecomUserId(long userId, String wecomUserId) {
        String value = wecomUserId == null || wecomUserId.isBlank() ? null : wecomUserId.strip();
        if (value != null && !value.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new InvalidInputException("wecomUserId", "pattern", Text.of("channel.wecomUserId.invalid"));
        }
        String before = wecomUserId(userId).orElse(null);
        jdbc.sql("update app_user set wecom_user_id = :v where id = :id").param("v", value).param("id", userId)
                .update();
        audit.record("user", String.valueOf(userId), "wecom-user-id",
                List.of(new FieldChange("wecomUserId", before, value)));
    }

    /** The robot key is a credential: the audit keeps the URL without its query. */
    static String masked(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
