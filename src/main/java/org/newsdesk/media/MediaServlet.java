package org.newsdesk.media;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnifaces.servlet.FileServlet;

/**
 * Serves photos at {@code /media/{id}/{variant}} ({@code thumbnail}, {@code medium}, {@code large} or
 * {@code original}) with ETag, Last-Modified, Range and a year-long cache: a photo's bytes never change
 * under its id. A variant that was never made (photos from before variants existed) is answered with the
 * original; an unknown variant name is a 404. OmniFaces' FileServlet does the HTTP part.
 */
@WebServlet("/media/*")
public class MediaServlet extends FileServlet {

    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})(?:/([a-z]{1,16}))?");

    @Inject
    private MediaService media;

    @Override
    protected File getFile(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        Matcher matcher = PATH.matcher(pathInfo == null ? "" : pathInfo);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a media path: " + pathInfo);
        }
        String variant = matcher.group(2) == null ? "original" : matcher.group(2);
        return media.file(Long.parseLong(matcher.group(1)), variant)
                .map(MediaService.MediaFile::path)
                .filter(Files::isReadable)
                .map(java.nio.file.Path::toFile)
                .orElse(null);
    }

    @Override
    protected long getExpireTime(HttpServletRequest request, File file) {
        return TimeUnit.DAYS.toSeconds(365);
    }

    @Override
    protected String getContentType(HttpServletRequest request, File file) {
        String name = file.getName();
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return name.endsWith(".png") ? "image/png" : "image/jpeg";
    }
}
