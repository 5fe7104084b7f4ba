package com.careloop.platform.channel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.TargetGuard;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * A markdown message to the WeCom group of the recipient's department (企业微信群机器人): a POST of
 * {@code {"msgtype":"markdown","markdown":{"content":...}}} to the department's robot webhook URL. Needs no site
 * setting: a department has a robot or not. Several recipients of one department told the same thing in one
 * transaction make one post (see Notifications).
 */
@Component
class WecomRobotChannel implements NotificationChannel {

    private final ChannelHttp http;
    private final Texts texts;
    private final TargetGuard guard;

    WecomRobotChannel(ChannelHttp http, Texts texts, TargetGuard guard) {
        this.http = http;
        this.texts = texts;
        this.guard = guard;
    }

    @Override
    public Channel channel() {
        return Channel.WECOM_ROBOT;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.wecomRobotUrl()).filter(url -> !url.isBlank());
    }

    @Override
    public Composed compose(String title, String body, String absoluteLink, Locale language) {
        return WecomMarkdown.compose(title, body, absoluteLink, texts.render(Text.of("notification.open"), language));
    }

    @Override
    public void send(String address, String subject, String body) throws DeliveryFailure {
        String refused = guard.problem(address).orElse(null); // again at sending: a name may resolve differently now
        if (refused != null) {
            throw new DeliveryFailure("refused: " + refused);
        }
        check(http.postJson(address, Map.of("msgtype", "markdown", "markdown", Map.of("content", body))));
    }

    /** WeCom answers HTTP 200 with {@code errcode} 0 when it took the message. */
    static void check(JsonNode answer) throws DeliveryFailure {
        int code = answer.path("errcode").asInt(-1);
        if (code != 0) {
            throw new DeliveryFailure("wecom: " + code + " " + answer.path("errmsg").asString(""));
        }
    }
}
