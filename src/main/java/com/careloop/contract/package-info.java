/**
 * Contract and order review (合同评审, ISO 9001 §8.2.3): the sales department registers a contract or order with its
 * lines; the departments of the review matrix countersign their own aspect through the platform's approvals;
 * reviewers log inconsistencies that sales resolves with the customer; the sales manager records the outcome (A/B/C)
 * and major contracts go to the general manager; the contract register (合同登记表) lists them. Its public API is
 * the types in this package: the {@link com.careloop.contract.Contracts} service, command and view records, enums,
 * permissions and events. Everything in sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contract review")
package com.careloop.contract;
