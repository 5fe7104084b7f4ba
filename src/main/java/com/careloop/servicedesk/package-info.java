/**
 * The service desk (报事/工单): the CS center as the one window every customer contact passes
 * through — intake, dispatch (派工), the SLA clock with pauses, escalation, the key-customer path,
 * work, sign-off, callback and close (销单). Its public API is the types in this package: the
 * {@link com.careloop.servicedesk.ServiceDesk} management service with its command and view records,
 * the enums they use and the events it publishes. Everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package com.careloop.servicedesk;
