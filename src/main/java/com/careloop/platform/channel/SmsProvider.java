package com.careloop.platform.channel;

import java.util.Map;

/** An SMS gateway: a text message is an approved template and its parameters, never free text. */
interface SmsProvider {

    void send(String phone, String templateCode, Map<String, String> params) throws NotificationChannel.DeliveryFailure;
}
