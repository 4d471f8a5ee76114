package org.newsdesk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes the temporary files of a multipart request's parts when the request ends. The container writes
 * every part over the {@code file-size-threshold} of {@code web.xml} (1 MB) to a file of its own, and
 * Payara Micro 6 never removes it: its clean-up is registered with a {@link java.lang.ref.Cleaner} whose
 * action holds the part itself, so it never runs, and the files stay until the server restarts. A photo
 * chosen on the compose page of a post that is then refused (no headline, an edit conflict) or saved left
 * one behind each time. Only a request whose body something read is cleaned up, so a body nobody asked
 * for is not parsed just to be thrown away. Registered in {@code web.xml} ahead of every other filter.
 */
public class UploadCleanupFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(UploadCleanupFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        BodyWatch watched = new BodyWatch(request);
        try {
            chain.doFilter(watched, response);
        } finally {
            if (watched.read) {
                removeTemporaryFiles(request);
            }
        }
    }

    private static void removeTemporaryFiles(HttpServletRequest request) {
        Collection<Part> parts;
        try {
            // Parsed already: the container hands back the parts it keeps for this request.
            parts = request.getParts();
        } catch (IOException | ServletException | RuntimeException unreadable) {
            // A body that could not be read (broken, or for a servlet that takes no parts) left no parts.
            return;
        }
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not remove the temporary file of an upload's part " + part.getName(), e);
            }
        }
    }

    /** Notes whether anything asked for the request's parameters or parts, which makes the container read the body. */
    private static final class BodyWatch extends HttpServletRequestWrapper {

        private boolean read;

        BodyWatch(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            read = true;
            return super.getParts();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            read = true;
            return super.getPart(name);
        }

        @Override
        public String getParameter(String name) {
            read = true;
            return super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            read = true;
            return super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            read = true;
            return super.getParameterNames();
        }

        @Override
        public String[] getParameterValues(String name) {
            read = true;
            return super.getParameterValues(name);
        }
    }
}
