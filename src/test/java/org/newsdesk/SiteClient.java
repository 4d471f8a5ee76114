package org.newsdesk;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
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
import java.util.HashSet;
import java.util.Set;
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

    /** The test server's HTTP port. */
    public int port() {
        return server.get().getPort();
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
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8)).build());
    }

    /** The same as {@link #postAsBrowser}, asking for JSON as comments.js does ({@code Accept: application/json}). */
    public HttpResponse<String> postForJson(String path, List<Connection.KeyVal> fields) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields), StandardCharsets.UTF_8)).build());
    }

    private static String form(List<Connection.KeyVal> fields) {
        return fields.stream()
                .map(kv -> URLEncoder.encode(kv.key(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(kv.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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

    /** A session signed in to the desk, keeping its cookies as a browser would. */
    public Connection signedIn(String username, String password) throws IOException {
        Connection desk = Jsoup.newSession().ignoreContentType(true).ignoreHttpErrors(true).maxBodySize(0).timeout(120_000);
        FormElement form = (FormElement) desk.newRequest(url("/login")).get().selectFirst("form#login");
        form.selectFirst("[name=login:username]").val(username);
        form.selectFirst("[name=login:password]").val(password);
        Document signedIn = desk.newRequest(url(form.attr("action"))).data(form.formData()).post();
        if (signedIn.selectFirst(".desk-user") == null) {
            throw new IllegalStateException(username + " could not sign in to the desk");
        }
        return desk;
    }

    /**
     * Sends a Faces form as a browser does when {@code button} is pressed: the fields as they are, only that
     * button, and an empty file part for every file input of a multipart form. Redirects are not followed.
     */
    public Connection.Response press(Connection session, FormElement form, String button) throws IOException {
        Connection request = session.newRequest(url(form.attr("action"))).method(Connection.Method.POST).followRedirects(false);
        Set<String> notFields = new HashSet<>(form.select("input[type=submit], button, input[type=file]").eachAttr("name"));
        for (Connection.KeyVal field : form.formData()) {
            if (!notFields.contains(field.key())) {
                request.data(field.key(), field.value());
            }
        }
        for (Element file : form.select("input[type=file]")) {
            request.data(file.attr("name"), "", new ByteArrayInputStream(new byte[0]), "application/octet-stream");
        }
        return request.data(button, form.selectFirst("[name=" + button + "]").val()).execute();
    }

    /** A post page's "Leave a Reply" form with name, email and comment typed in, ready to submit. */
    public static FormElement fillCommentForm(Document page, String name, String email, String body) {
        FormElement form = (FormElement) page.selectFirst("form#comment-form");
        fetchToken(form);
        form.selectFirst("[name=comment-form:name]").val(name);
        form.selectFirst("[name=comment-form:email]").val(email);
        form.selectFirst("[name=comment-form:body]").val(body);
        return form;
    }

    /**
     * What comments.js does when a reader starts writing: the page every reader shares carries no token,
     * so the form asks {@code /comment-form} for one. A form that has one (a page of the reader's own) keeps it.
     */
    public static void fetchToken(FormElement form) {
        Element token = form.selectFirst("input[name=token]");
        if (token.val().isEmpty()) {
            try {
                String answer = Jsoup.connect(form.absUrl("data-form-url")).ignoreContentType(true).execute().body();
                token.val(answer.replaceFirst("(?s).*\"token\":\"([^\"]+)\".*", "$1"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The message Faces shows next to a comment-form field, or null. */
    public static String fieldMessage(Document page, String field) {
        Element message = page.selectFirst("[id=comment-form:" + field + "] ~ .field-error");
        return message == null ? null : message.text();
    }
}
