package org.newsdesk.site;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the logos uploaded on the desk at {@code /site-logo/{hash}.png}. The address names the bytes, so the
 * answer never changes: browsers and caches keep it for a year without asking again.
 */
@WebServlet("/site-logo/*")
public class SiteLogos extends HttpServlet {

    private static final Pattern NAME = Pattern.compile("/([0-9a-f]{64})\\.png");

    @PersistenceContext
    private EntityManager em;

    static String path(String sha256) {
        return "/site-logo/" + sha256 + ".png";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher name = NAME.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!name.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<?> found = em.createNativeQuery("select bytes from site_logo where sha256 = ?1").setParameter(1, name.group(1)).getResultList();
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = (byte[]) found.get(0);
        String etag = "\"" + name.group(1).substring(0, 27) + "\"";
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("image/png");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
