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

    /** The settings of one user: chosen channels per kind, and the channels they can choose from. */
    public record Settings(Map<String, Set<Channel>> kinds, List<Channel> available) {
    }

    private final JdbcClient jdbc;
    private final List<NotificationChannel> channels;

    NotificationPreferences(JdbcClient jdbc, List<NotificationChannel> channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    Settings settings(long userId) {
        return new Settings(all(userId), available(userId));
    }

    /** The channels configured on this site, in the enum's order; the group robot only with a department robot. */
    List<Channel> available(long userId) {
        boolean robot = jdbc.sql("""
                select count(*) from app_user u join department d on d.id = u.department_id
                where u.id = :id and d.wecom_robot_url is not null""").param("id", userId).query(Long.class).single() > 0;
        return channels.stream().filter(NotificationChannel::enabled).map(NotificationChannel::channel)
                .filter(c -> c != Channel.WECOM_ROBOT || robot).sorted().toList();
    }

    /** A user's own choice: only among the channels offered to them (else 422). */
    @Transactional
    Settings choose(long userId, Map<String, List<String>> chosen) {
        List<Channel> available = available(userId);
        chosen.values().stream().flatMap(List::stream)
                .filter(c -> available.stream().noneMatch(a -> a.name().equals(c))).findFirst().ifPresent(c -> {
                    throw new InvalidInputException("channels", "available",
                            Text.of("notification.settings.unavailable", c));
                });
        save(userId, chosen);
        return settings(userId);
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
