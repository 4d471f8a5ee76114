package org.newsdesk.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a caller who opens a desk page signed out is sent: the sign-in page, told which desk page to go
 * back to ({@code /login?continue=/admin/...}). Only paths under {@code /admin/} of this application are
 * ever returned to, so the parameter cannot send anyone to another site.
 * <pre>
 * &#64;LoginToContinue(loginPage = "#{loginPage.url}")
 * if (LoginPage.isDeskPath(target)) redirect(contextPath + target);
 * </pre>
 */
@Named("loginPage")
@RequestScoped
public class LoginPage {

    @Inject
    private HttpServletRequest request;

    /** The sign-in page for the request being turned away. */
    public String getUrl() {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        return isDeskPath(target) ? "/login?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8) : "/login";
    }

    /**
     * Whether a return address is a desk page of this application: a path under {@code /admin/}, with no
     * way out of it (no {@code ..} segment, no backslash that a browser would read as a slash, no line
     * break that would split a header).
     */
    public static boolean isDeskPath(String target) {
        return target != null && target.length() <= 2000 && target.startsWith("/admin/")
                && !target.contains("..") && !target.contains("\\")
                && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
