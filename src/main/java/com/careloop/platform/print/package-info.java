/**
 * Print and PDF (DESIGN.md "Shared building blocks"): {@code PrintRenderer} implements
 * {@link com.careloop.platform.PrintDocuments} — a module's Thymeleaf print template inside the platform frame
 * ({@code templates/platform/print/frame.html}: A4, running header, page numbers), to HTML for the browser and through
 * openhtmltopdf to PDF with the CJK font of {@link com.careloop.platform.print.PrintFonts} embedded as a subset.
 * Internal: modules use {@code PrintDocuments} and {@code PrintCharts} in the base package (docs/printing.md).
 */
package com.careloop.platform.print;
