package org.newsdesk;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test-deployment only: keeps every warning and error the server logs while the test WAR is deployed,
 * and shows them at {@code /test-server-log?from=N} (one record a block, numbered), so that a client-side
 * test can fail on what the server logged while it walked the pages, as a person reading the log would.
 */
@WebListener
@WebServlet("/test-server-log")
public class ServerLogForTests extends HttpServlet implements ServletContextListener {

    private static final List<String> RECORDS = new ArrayList<>();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                return;
            }
            StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": "
                    + new java.util.logging.SimpleFormatter().formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            synchronized (RECORDS) {
                RECORDS.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger.getLogger("").addHandler(HANDLER);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Logger.getLogger("").removeHandler(HANDLER);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int from = request.getParameter("from") == null ? 0 : Integer.parseInt(request.getParameter("from"));
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        synchronized (RECORDS) {
            response.setHeader("X-Records", String.valueOf(RECORDS.size()));
            for (int i = from; i < RECORDS.size(); i++) {
                response.getWriter().append("#").append(String.valueOf(i)).append(' ').append(RECORDS.get(i)).append("\n");
            }
        }
    }
}
