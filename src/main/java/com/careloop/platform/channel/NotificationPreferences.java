package com.careloop.platform.channel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which channels a user gets per notification kind; a kind never chosen keeps the default, e-mail (as before). */
@Service
public class NotificationPreferences {

    public static final Set<Channel> DEFAULT = EnumSet.of(Channel.EMAIL);

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channels chosen for {@code kind} (the default when none were saved). */
    public Set<Channel> channels(long userId, String kind) {
        return jdbc.sql("select channels from notification_preference where user_id = :u and kind = :k")
                .param("u", userId).param("k", kind).query(String.class).optional()
                .map(NotificationPreferences::parse).orElseGet(() -> EnumSet.copyOf(DEFAULT));
    }

    /** Every kind with its channels, in the order of the settings page. */
    public Map<String, Set<Channel>> all(long userId) {
        Map<String, String> saved = jdbc.sql("select kind, channels from notification_preference where user_id = :u")
                .param("u", userId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Set<Channel>> all = new LinkedHashMap<>();
        NotificationKinds.ALL.forEach(k -> all.put(k, saved.containsKey(k) ? parse(saved.get(k))
                : EnumSet.copyOf(DEFAULT)));
        return all;
    }

    /** Replaces the user's choices: every kind of {@link NotificationKinds#ALL} gets the channels listed for it. */
    @Transactional
    public void save(long userId, Map<String, List<String>> chosen) {
        chosen.keySet().stream().filter(k -> !NotificationKinds.ALL.contains(k)).findFirst().ifPresent(k -> {
            throw new InvalidInputException("kind", "kind", Text.of("notification.settings.unknownKind", k));
        });
        Map<String, Set<Channel>> parsed = new LinkedHashMap<>();
        for (String kind : NotificationKinds.ALL) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String c : chosen.getOrDefault(kind, List.of())) {
                try {
                    channels.add(Channel.valueOf(c));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("channels", "channel", Text.of("notification.settings.unknownChannel", c));
                }
            }
            parsed.put(kind, channels);
        }
        jdbc.sql("delete from notification_preference where user_id = :u").param("u", userId).update();
        parsed.forEach((kind, channels) -> jdbc.sql(
                        "insert into notification_preference (user_id, kind, channels) values (:u, :k, :c)")
                .param("u", userId).param("k", kind)
                .param("c", channels.stream().map(Channel::name).collect(Collectors.joining(","))).update());
    }

    private static Set<Channel> parse(String channels) {
        Set<Channel> set = EnumSet.noneOf(Channel.class);
        Arrays.stream(channels.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(Channel.valueOf(s.trim())));
        return set;
    }
}
