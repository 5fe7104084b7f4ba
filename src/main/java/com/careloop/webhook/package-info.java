/**
 * Outbound webhooks (issue 19 §1): administrators register endpoints (URL, secret, event types); every subscribed
 * domain event is written to a delivery outbox in the transaction that published it and sent after commit as signed
 * JSON (HMAC-SHA256), at least once, retried with back-off, dead-lettered, with a delivery log and redelivery.
 * No other module knows about webhooks: this module listens to their published events. Internals in {@code outbound}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package com.careloop.webhook;
