package org.newsdesk.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The hand-written PBKDF2 code that Newsdesk used before {@link Passwords} (Jakarta Security's
 * {@code Pbkdf2PasswordHash}), kept in the tests as the oracle for stored hashes: the fixtures make their
 * accounts' hashes with it, so every test that signs in checks that hashes stored by earlier versions still work.
 *
 * <p>PBKDF2 password hashes in the self-describing form
 * {@code PBKDF2WithHmacSHA256:210000:<salt>:<hash>} (Base64), so the iteration count can grow later
 * without invalidating stored hashes.
 *
 * <pre>
 * String stored = LegacyPasswordHash.of("correct horse".toCharArray());
 * boolean ok = LegacyPasswordHash.matches("correct horse".toCharArray(), stored);
 * </pre>
 */
public final class LegacyPasswordHash {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LegacyPasswordHash() {
    }

    public static String of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ALGORITHM, ITERATIONS, salt, derive(ALGORITHM, password, salt, ITERATIONS, KEY_BITS));
    }

    public static boolean matches(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(parts[0], password, salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String format(String algorithm, int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder();
        return algorithm + ":" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash);
    }

    private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bits) {
        try {
            var spec = new PBEKeySpec(password, salt, iterations, bits);
            try {
                return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unsupported password hash: " + algorithm, e);
        }
    }
}
