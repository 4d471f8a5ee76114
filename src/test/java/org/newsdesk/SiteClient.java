package org.newsdesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * HTTP to the test server for client-side integration tests, always on 127.0.0.1 (Payara Micro
 * advertises the machine's external address), plus reading a field's message off a Faces page.
 *
 * <pre>
 * &#64;ArquillianResource URL base;
 * private final SiteClient site = new SiteClient(() -&gt; base);
 * Document page = site.get("/post/some-slug").parse();
 * </pre>
 *
 * Test classes that also run in the server must add this class and jsoup to their deployment
 * ({@link Deployments#withSiteClient}).
 */
public final class SiteClient {

    private final Supplier<URL> server;

    public SiteClient(Supplier<URL> server) {
        this.server = server;
    }

    /** The address of a path on the test server; an absolute URL is moved to 127.0.0.1. */
    public String url(String path) {
        if (path.startsWith("http")) {
            return path.replaceFirst("//[^/:]+", "//127.0.0.1");
        }
        return "http://127.0.0.1:" + server.get().getPort() + path;
    }

    public Connection.Response get(String path) throws IOException {
        return Jsoup.connect(url(path)).ignoreContentType(true).maxBodySize(0).execute();
    }

    /**
     * Sends a form the way browsers do, which jsoup does not: the fields percent-encoded as UTF-8 and a
     * {@code Content-Type} with no charset parameter, so the server has to know the encoding by itself.
     * Redirects are not followed.
     */
    public HttpResponse<String> postAsBrowser(String path, List<Connection.KeyVal> fields) throws IOException {
        String body = fields.stream()
                .map(kv -> URLEncoder.encode(kv.key(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(kv.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** The same as {@link #postAsBrowser}, as {@code multipart/form-data}: UTF-8 parts, none naming a charset. */
    public HttpResponse<String> postMultipartAsBrowser(String path, List<Connection.KeyVal> fields) throws IOException {
        String boundary = "----newsdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Connection.KeyVal kv : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + kv.key() + "\"\r\n\r\n"
                    + kv.value() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A post page's "Leave a Reply" form with name, email and comment typed in, ready to submit. */
    public static FormElement fillCommentForm(Document page, String name, String email, String body) {
        FormElement form = (FormElement) page.selectFirst("form#comment-form");
        form.selectFirst("[name=comment-form:name]").val(name);
        form.selectFirst("[name=comment-form:email]").val(email);
        form.selectFirst("[name=comment-form:body]").val(body);
        return form;
    }

    /** The message Faces shows next to a comment-form field, or null. */
    public static String fieldMessage(Document page, String field) {
        Element message = page.selectFirst("[id=comment-form:" + field + "] ~ .field-error");
        return message == null ? null : message.text();
    }
}
