/**
 * Complaints (投诉, ISO 10002, form R-QP-005-03 顾客投诉处理单): receipt, acknowledgement, assessment,
 * investigation, corrective actions, the decision told to the customer, verification, quality
 * confirmation and close, with deadlines on the business calendar and repeat-complaint links. Its
 * public API is the types in this package: the {@link com.careloop.complaint.Complaints} management
 * service, its command and view records, the enums and the events. Everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package com.careloop.complaint;
