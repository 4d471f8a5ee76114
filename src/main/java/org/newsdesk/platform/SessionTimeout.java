package org.newsdesk.platform;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Signed-in staff are signed out after {@code NEWSDESK_SESSION_IDLE_MINUTES} (30) without a request. */
@WebListener
public class SessionTimeout implements HttpSessionListener {

    private static final int IDLE_SECONDS = PlatformConfig.SESSION_IDLE_MINUTES.value() * 60;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(IDLE_SECONDS);
    }
}
