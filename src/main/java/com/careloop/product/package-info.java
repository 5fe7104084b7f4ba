/**
 * Custom new-product development (客户定制新品研发, 000-N): a development for a customer runs the seven forms of the
 * procedure as nodes in order — the customer's demand form (定制开发新品需求表), the laboratory development and R&D
 * report (定制新品研发报告), the sample process sheet and bill of materials (样品工艺单 · 物料清单), the pilot run
 * (新品中试记录表 · 中试报告), finance's cost calculation from the pilot data, the quotation (新品报价单) and the
 * customer's answer; an accepted quotation starts a special contract review. Each node has an owner department and a
 * due day on the business calendar (key-node performance indicators, 关键节点绩效指标). The public API is the
 * {@link com.careloop.product.ProductDevelopments} service, its command and view records, enums and permissions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Custom new-product development")
package com.careloop.product;
