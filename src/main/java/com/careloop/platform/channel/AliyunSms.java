package com.careloop.platform.channel;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aliyun SMS (dysmsapi, API version 2017-05-25) by its documented RPC API: {@code SendSms} as a signed form POST;
 * the answer's {@code Code} is {@code OK} when the message was accepted.
 */
@Component
class AliyunSms implements SmsProvider {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final SmsProperties properties;
    private final ChannelHttp http;
    private final JsonMapper json;
    private final Clock clock;

    AliyunSms(SmsProperties properties, ChannelHttp http, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void send(String phone, String templateCode, Map<String, String> params)
            throws NotificationChannel.DeliveryFailure {
        SmsProperties.Aliyun aliyun = properties.aliyun();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("AccessKeyId", aliyun.accessKeyId());
        request.put("Action", "SendSms");
        request.put("Format", "JSON");
        request.put("PhoneNumbers", phone);
        request.put("RegionId", aliyun.regionId());
        request.put("SignName", aliyun.signName() == null ? "" : aliyun.signName());
        request.put("SignatureMethod", "HMAC-SHA1");
        request.put("SignatureNonce", UUID.randomUUID().toString());
        request.put("SignatureVersion", "1.0");
        request.put("TemplateCode", templateCode);
        request.put("TemplateParam", json.writeValueAsString(params));
        request.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        request.put("Version", "2017-05-25");
        String signature = AliyunSignature.sign("POST", request, aliyun.accessKeySecret());
        String form = "Signature=" + AliyunSignature.percentEncode(signature) + "&"
                + AliyunSignature.canonicalQuery(request);
        JsonNode answer = http.postForm(aliyun.endpoint().replaceAll("/+$", "") + "/", form);
        String code = answer.path("Code").asString("");
        if (!"OK".equals(code)) {
            throw new NotificationChannel.DeliveryFailure("sms: " + code);
        }
    }
}
