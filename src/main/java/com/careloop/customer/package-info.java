/**
 * Customers (客户档案): the archive with contacts, key customers, revenue ranking, purchases and
 * warranties, liaison parties, the contact log, segmentation and privacy. Its public API (for the
 * service desk, complaints, callbacks and surveys) is the types in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package com.careloop.customer;
