package org.newsdesk.demo;

import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.newsdesk.account.Passwords;
import org.newsdesk.account.Role;
import org.newsdesk.account.User;
import org.newsdesk.audit.AuditLog;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.Photo;
import org.newsdesk.outlet.Outlet;
import org.newsdesk.platform.DatabaseReady;
import org.newsdesk.post.Excerpt;
import org.newsdesk.post.ExcerptMarkup;
import org.newsdesk.post.Post;
import org.newsdesk.post.RelatedLink;
import org.newsdesk.post.Section;
import org.newsdesk.post.Tag;

/**
 * What a new Newsdesk starts with: the first administrator and, in an empty database, one published
 * post (the Iraq militias round-up from {@code seed/demo-post.json}) so that the site shows something
 * real on first start. Runs at every start, once the database is reached ({@link DatabaseReady}), and adds
 * nothing to a database that already has content.
 */
@Singleton
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MediaService media;

    @Inject
    private AuditLog audit;

    @Inject
    private Passwords passwords;

    @Inject
    private DemoConfig config;

    public void onDatabaseReady(@Observes DatabaseReady ready) {
        load();
    }

    /** Adds the first administrator and the demo post where they are missing; safe to call again. */
    public void load() {
        User admin = firstAdmin();
        long posts = em.createNamedQuery("Post.countAll", Long.class).getSingleResult();
        if (posts == 0) {
            loadDemoPost(admin);
        }
    }

    private User firstAdmin() {
        if (em.createNamedQuery("User.count", Long.class).getSingleResult() > 0) {
            return em.createNamedQuery("User.findByUsername", User.class)
                    .setParameter("username", "admin").getResultStream().findFirst().orElse(null);
        }
        var given = config.adminPassword();
        String password = given.orElseGet(Passwords::randomPassword);
        User admin = new User("admin", "Site administrator", config.adminEmail(),
                EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR), Instant.now());
        admin.changePassword(passwords.hash(password.toCharArray()));
        em.persist(admin);
        audit.recordAs("system", "user.created", "user", admin.getId(), "first administrator");
        if (given.isEmpty()) {
            LOG.warning(() -> "\n\n    Newsdesk created the first administrator.\n"
                    + "    Sign in at /login as 'admin' with password: " + password + "\n"
                    + "    (shown once; set NEWSDESK_ADMIN_PASSWORD to choose it instead)\n");
        } else {
            LOG.info("Newsdesk created the first administrator 'admin' with the password from NEWSDESK_ADMIN_PASSWORD");
        }
        return admin;
    }

    private void loadDemoPost(User admin) {
        JsonObject seed = readJson("seed/demo-post.json");
        Instant publishedAt = Instant.parse(seed.getString("publishedAt"));
        Post post = new Post(seed.getString("headline"), admin, publishedAt);
        post.setSlug(seed.getString("slug"));
        Section section = new Section(seed.getString("section"));
        section.placeAt(1);
        section.setInMenu(true);
        if (seed.containsKey("sectionDescription")) {
            section.describe(section.getName(), seed.getString("sectionDescription"));
        }
        em.persist(section);
        post.setSection(section);
        for (JsonValue tagName : seed.getJsonArray("tags")) {
            Tag tag = new Tag(((JsonString) tagName).getString());
            em.persist(tag);
            post.getTags().add(tag);
        }
        for (JsonObject source : seed.getJsonArray("excerpts").getValuesAs(JsonObject.class)) {
            Excerpt excerpt = post.addExcerpt();
            excerpt.setOutlet(outlet(source));
            excerpt.setArticleUrl(source.getString("articleUrl"));
            excerpt.setOriginalPublishedOn(LocalDate.parse(source.getString("publishedOn")));
            excerpt.setDek(source.isNull("dek") ? null : source.getString("dek"));
            excerpt.setBody(ExcerptMarkup.fromPlainText(String.join("\n\n",
                    source.getJsonArray("paragraphs").getValuesAs(JsonString::getString))));
            Photo photo = media.add(readBytes(source.getString("photo")), source.getString("photo"), admin);
            photo.setAltText(source.getString("photoAlt"));
            photo.setDefaultCredit(source.getString("credit"));
            excerpt.setPhoto(photo);
            excerpt.setCaption(source.getString("caption"));
            excerpt.setCreditLine(source.getString("credit"));
            for (JsonObject link : source.getJsonArray("related").getValuesAs(JsonObject.class)) {
                excerpt.getRelatedLinks().add(new RelatedLink(link.getString("title"), link.getString("url")));
            }
        }
        post.publish(publishedAt);
        em.persist(post);
        audit.recordAs("system", "post.published", "post", post.getId(), "demo content");
        LOG.info(() -> "Newsdesk loaded the demo post '" + post.getHeadline() + "'");
    }

    private Outlet outlet(JsonObject source) {
        String domain = Outlet.normalizeDomain(source.getString("domain"));
        return em.createNamedQuery("Outlet.findByDomain", Outlet.class)
                .setParameter("domain", domain)
                .getResultStream().findFirst()
                .orElseGet(() -> {
                    Outlet outlet = new Outlet(source.getString("outlet"), domain);
                    outlet.setCreditStyle(source.isNull("creditStyle") ? null : source.getString("creditStyle"));
                    em.persist(outlet);
                    return outlet;
                });
    }

    private static JsonObject readJson(String resource) {
        try (InputStream in = open(resource); var reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("Missing resource " + resource);
        }
        return in;
    }
}
