package org.newsdesk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * Hides the Faces flash cookie ({@code csfcfc}) from Faces. Newsdesk keeps no message in the flash
 * ({@link Notices} keeps them in the session), but this container's Mojarra still reads the cookie: one set
 * by another instance, or by this one before a restart, cannot be decoded here, and every redirect of that
 * request then failed with a NullPointerException in {@code ELFlash} (a 500 instead of "Saved."). Mojarra
 * fixed it only in releases after the one Payara bundles.
 */
public class FlashCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String FLASH_COOKIE = "csfcfc";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || Arrays.stream(cookies).noneMatch(c -> FLASH_COOKIE.equals(c.getName()))) {
            chain.doFilter(request, response);
            return;
        }
        Cookie[] others = Arrays.stream(cookies).filter(c -> !FLASH_COOKIE.equals(c.getName())).toArray(Cookie[]::new);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                return others.length == 0 ? null : others.clone();
            }
        }, response);
    }
}
