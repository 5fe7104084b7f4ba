/**
 * Customer property (顾客财产): the register R-QP-005-04 of what customers entrust to the company — materials,
 * parts, moulds and tooling, measuring equipment, drawings and specifications, samples, intellectual property and
 * personal data — with the arrival verification and its feedback to the customer, the movements between
 * departments, return and scrap, the six-monthly inspection and the problem report (顾客财产问题报告单) with the
 * customer's decision. The public API is the {@link com.careloop.property.CustomerProperties} service, its command
 * and view records, the enums and the permissions; everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer property")
package com.careloop.property;
