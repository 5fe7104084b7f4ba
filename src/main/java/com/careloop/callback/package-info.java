/**
 * Callbacks (回访): plans that generate callback tasks (after a completed service request, a sale, before a
 * warranty expires, after a complaint closes, the half-yearly sample of key customers, manual), the task
 * lifecycle with attempts, outcome and satisfaction, follow-ups (re-open, complaint, CAPA, new request), the
 * callback desk and statistics. Its public API is the types in this package: the
 * {@link com.careloop.callback.Callbacks} service, its records, the enums and the events. Everything in
 * sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Callbacks")
package com.careloop.callback;
