package org.newsdesk.platform;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The site's secret key, for signing form tokens and cookies and for hashing readers' addresses. It is
 * generated once and kept in the {@code setting} table, so every instance of a cluster shares it and
 * a restart does not invalidate forms readers have open.
 */
@Singleton
@Lock(LockType.READ)
public class SiteKey {

    private static final String SETTING = "site-key";

    @PersistenceContext
    private EntityManager em;

    /** Read from the database at first use, not at start-up: the site may start before its database does. */
    private volatile byte[] key;

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = load();
            key = known;
        }
        return known;
    }

    private byte[] load() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        em.createNativeQuery("insert ignore into setting (name, value) values (?1, ?2)")
                .setParameter(1, SETTING)
                .setParameter(2, Base64.getEncoder().encodeToString(fresh))
                .executeUpdate();
        String stored = (String) em.createNativeQuery("select value from setting where name = ?1")
                .setParameter(1, SETTING)
                .getSingleResult();
        return Base64.getDecoder().decode(stored);
    }

    /** HMAC-SHA256 of the text, Base64url without padding. */
    public String sign(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(text));
    }

    /** Whether the signature was made by {@link #sign(String)} for this text, in constant time. */
    public boolean verify(String text, String signature) {
        return signature != null
                && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
