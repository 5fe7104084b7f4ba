package com.careloop.complaint.stats;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/** The response headers of an .xlsx download. */
final class Downloads {

    private Downloads() {
    }

    static OutputStream xlsx(HttpServletResponse response, String name) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        return response.getOutputStream();
    }
}
