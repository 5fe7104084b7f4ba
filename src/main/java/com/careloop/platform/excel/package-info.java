/**
 * Excel (.xlsx) for every module: streaming exports that never hold all rows in memory, import
 * templates with drop-down lists, and a reader that turns an uploaded workbook into numbered rows
 * keyed by header. Open to every module as the named interface {@code excel}.
 */
@org.springframework.modulith.NamedInterface("excel")
package com.careloop.platform.excel;
