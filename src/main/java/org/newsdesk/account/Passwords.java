package org.newsdesk.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Staff passwords, hashed by Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2-HMAC-SHA256, 210,000
 * iterations (OWASP's 2023 figure), a 16-byte salt and a 32-byte hash, stored as
 * {@code PBKDF2WithHmacSHA256:210000:<salt>:<hash>} (Base64). That is the form Newsdesk's own PBKDF2 code
 * wrote before, so every stored hash still verifies; a hash records its own iterations, so the count can
 * grow without invalidating stored ones.
 */
@ApplicationScoped
public class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    /** Whether the password is the one the stored hash was made from; false for no hash or one not in this form. */
    public boolean matches(char[] password, String storedHash) {
        if (storedHash == null) {
            return false;
        }
        try {
            return pbkdf2.verify(password, storedHash);
        } catch (IllegalArgumentException notAHash) {
            return false;
        }
    }

    /** A random password for accounts created without one (the first administrator, a reset). */
    public static String randomPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
