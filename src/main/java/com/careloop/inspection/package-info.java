/**
 * Inspections and audits (稽查 · 验厂 · 考察 · 神秘顾客): one checklist engine for customer CSR audits, factory
 * audits, supplier inspections, mystery-shopper visits and pre-contract customer visits. Versioned checklist templates
 * (sections, items by kind, weights, red lines, evidence documents, responsible department); audits with their team,
 * answers and photos, score and result; numbered findings that open a CAPA or are closed by a correction; the PDCA
 * folder per audit; the pre-contract risk assessment and decision. The public API is {@link
 * com.careloop.inspection.ChecklistTemplates}, {@link com.careloop.inspection.Audits}, their command and view records,
 * the enums and the permissions; everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections and audits")
package com.careloop.inspection;
