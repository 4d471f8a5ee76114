package org.newsdesk;

import java.io.IOException;
import java.net.URL;
import java.util.function.Supplier;
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
