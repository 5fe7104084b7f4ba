package com.careloop.platform.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.TargetGuard;
import com.careloop.platform.Text;

import org.junit.jupiter.api.Test;

/** The pure rules of the channels: Aliyun's signature, notification kinds, WeCom's markdown limit. */
class ChannelRulesTest {

    /** The worked example of Aliyun's SMS signature documentation (GET, secret "testSecret"). */
    @Test
    void theAliyunSignatureOfTheDocumentedExampleMatches() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("AccessKeyId", "testId");
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("Format", "XML");
        p.put("Action", "SendSms");
        p.put("Version", "2017-05-25");
        p.put("RegionId", "cn-hangzhou");
        p.put("PhoneNumbers", "15300000001");
        p.put("SignName", "阿里云短信测试专用");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("TemplateCode", "SMS_71390007");
        p.put("OutId", "123");
        assertThat(AliyunSignature.sign("GET", p, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        assertThat(AliyunSignature.canonicalQuery(p)).startsWith("AccessKeyId=testId&Action=SendSms&Format=XML")
                .contains("SignName=%E9%98%BF%E9%87%8C").contains("Timestamp=2017-07-12T02%3A42%3A19Z");
    }

    @Test
    void percentEncodingFollowsRfc3986() {
        assertThat(AliyunSignature.percentEncode("a b*c~d+e/")).isEqualTo("a%20b%2Ac~d%2Be%2F");
    }

    @Test
    void theKindIsTheAreaOfTheTitleAndOtherForLiteralsAndUnknownAreas() {
        assertThat(NotificationKinds.of(Text.of("contract.notify.accepted.title", "HT-1"))).isEqualTo("contract");
        assertThat(NotificationKinds.of(Text.of("texts.notify.complaint-major", "TS-1"))).isEqualTo("texts");
        assertThat(NotificationKinds.of(Text.of("nobody.knows"))).isEqualTo(NotificationKinds.OTHER);
        assertThat(NotificationKinds.of(Text.literal("typed"))).isEqualTo(NotificationKinds.OTHER);
    }

    @Test
    void weComMarkdownIsCutBelowItsByteLimit() {
        String body = "投诉".repeat(3000);
        NotificationChannel.Composed md = WecomMarkdown.compose("标题", body, "https://x/complaints/1", "查看");
        assertThat(md.body()).startsWith("**标题**\n> 投诉").endsWith("…");
        assertThat(md.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WecomMarkdown.MAX_BYTES);
        assertThat(WecomMarkdown.clip("short")).isEqualTo("short");
    }

    /** The robot URL is an outbound URL a user configures: the platform's SSRF guard checks it on save and on send. */
    @Test
    void aRobotOnAnInternalOrMetadataAddressIsRefusedOnSaveAndOnSend() {
        TargetGuard strict = new TargetGuard(false);
        ChannelAccounts accounts = new ChannelAccounts(null, null, strict);
        assertThatThrownBy(() -> accounts.setRobotUrl(1, "http://169.254.169.254/latest/meta-data/"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("wecomRobotUrl");
                    assertThat(e.rule()).isEqualTo("private-target");
                });
        assertThatThrownBy(() -> accounts.setRobotUrl(1, "ftp://qyapi.weixin.qq.com/x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("scheme"));
        WecomRobotChannel robot = new WecomRobotChannel(null, null, strict);
        assertThatThrownBy(() -> robot.send("http://127.0.0.1:9/cgi-bin/webhook/send?key=k", "s", "b"))
                .isInstanceOf(NotificationChannel.DeliveryFailure.class).hasMessageContaining("private-target");
    }
}
