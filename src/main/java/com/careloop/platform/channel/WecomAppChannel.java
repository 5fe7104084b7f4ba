package com.careloop.platform.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A WeCom application message (企业微信应用消息) to one user, by the documented API: an access token from
 * {@code gettoken} (corp id + the application's secret), kept until a minute before it expires, then
 * {@code message/send} with {@code touser} = the user's WeCom user id. A token WeCom reports invalid or expired is
 * fetched again once within the attempt.
 */
@Component
class WecomAppChannel implements NotificationChannel {

    /** invalid credential, invalid access_token, access_token expired */
    private static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);

    private final WecomProperties properties;
    private final ChannelHttp http;
    private final Texts texts;
    private final Clock clock;
    private String token;
    private Instant tokenUntil = Instant.MIN;

    WecomAppChannel(WecomProperties properties, ChannelHttp http, Texts texts, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_APP;
    }

    @Override
    public boolean enabled() {
        return properties.configured();
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.wecomUserId()).filter(id -> !id.isBlank());
    }

    @Override
    public Composed compose(String title, String body, String absoluteLink, Locale language) {
        return WecomMarkdown.compose(title, body, absoluteLink, texts.render(Text.of("notification.open"), language));
    }

    @Override
    public void send(String address, String subject, String body) throws DeliveryFailure {
        Map<String, Object> message = Map.of("touser", address, "msgtype", "markdown", "agentid", properties.agentId(),
                "markdown", Map.of("content", body));
        JsonNode answer = http.postJson(sendUrl(token(false)), message);
        if (TOKEN_ERRORS.contains(answer.path("errcode").asInt())) {
            answer = http.postJson(sendUrl(token(true)), message);
        }
        WecomRobotChannel.check(answer);
    }

    private String sendUrl(String accessToken) {
        return properties.api("/cgi-bin/message/send?access_token=" + encode(accessToken));
    }

    /** The cached access token, fetched when there is none, it is about to expire or WeCom refused it. */
    synchronized String token(boolean refresh) throws DeliveryFailure {
        Instant now = clock.instant();
        if (refresh || token == null || !now.isBefore(tokenUntil)) {
            JsonNode answer = http.get(properties.api("/cgi-bin/gettoken?corpid=" + encode(properties.corpId())
                    + "&corpsecret=" + encode(properties.secret())));
            if (answer.path("errcode").asInt() != 0 || answer.path("access_token").asString("").isEmpty()) {
                token = null;
                throw new DeliveryFailure("wecom-token: " + answer.path("errcode").asInt());
            }
            token = answer.path("access_token").asString();
            tokenUntil = now.plusSeconds(Math.max(0, answer.path("expires_in").asLong(7200) - 60));
        }
        return token;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
