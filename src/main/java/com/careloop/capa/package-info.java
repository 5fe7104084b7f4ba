/**
 * Corrective and preventive actions (纠正和预防措施, CAPA, with an 8D layout for IATF 16949 customers):
 * opened from complaints, unsatisfied callbacks, low survey items, audit findings and inspections;
 * containment, root cause (5 whys, fishbone category 人机料法测环), actions with owners and due dates,
 * verification of effectiveness after a set time, recurrence prevention and closure by the quality
 * manager. Its public API is the types in this package: the {@link com.careloop.capa.CorrectiveActions}
 * service, its command and view records, the enums and the events. Everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "CAPA")
package com.careloop.capa;
