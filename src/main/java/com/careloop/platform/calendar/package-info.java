/**
 * The business calendar: working hours, public holidays, make-up working days (调休) and deadline
 * arithmetic with pauses. Open to every module as the named interface {@code calendar}.
 */
@org.springframework.modulith.NamedInterface("calendar")
package com.careloop.platform.calendar;
