/**
 * The service desk's pages (报事/工单): intake forms, the agent's queue, the request page with its action
 * panel and timeline, statistics with Excel export, the category and SLA dictionaries, the customer 360
 * section and the sidebar entries. Built only on the module's public API ({@code ServiceDesk}) and the
 * catalog service.
 */
package com.careloop.servicedesk.web;
