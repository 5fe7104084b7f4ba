/**
 * Reporting (统计分析): the home dashboards by role, the periodic reports (weekly report of the CS center, monthly
 * assessment, monthly service report per key customer, management-review input) as numbered, frozen, approved
 * records with PDF and Excel, and their scheduled delivery. It reads, never writes, other modules' data: figures
 * arrive through {@link com.careloop.platform.FigureSource} and {@link com.careloop.platform.WorkSource} beans of
 * the modules that own them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package com.careloop.reporting;
