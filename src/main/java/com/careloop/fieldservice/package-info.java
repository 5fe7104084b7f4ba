/**
 * Field service (现场服务): a trip planned from a FIELD_SERVICE request of the service desk — site, dates, a team
 * from several departments with its tasks, vehicles, tools and measuring equipment, spare parts and the work plan —
 * the safety briefing and pre-departure checklist before departure (000-D4, 000-D6), the on-site record and the
 * field-service report (现场服务报告 Q/JL081304) signed by the customer, whose open points become follow-up requests or
 * CAPAs. The public API is {@link com.careloop.fieldservice.FieldServices}, its command and view records, the status
 * and the permissions; everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field service")
package com.careloop.fieldservice;
