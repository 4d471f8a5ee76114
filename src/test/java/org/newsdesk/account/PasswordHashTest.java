package org.newsdesk.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = PasswordHash.of("correct horse battery".toCharArray());
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:" + PasswordHash.ITERATIONS + ":"));
        assertTrue(PasswordHash.matches("correct horse battery".toCharArray(), stored));
        assertFalse(PasswordHash.matches("correct horse batterY".toCharArray(), stored));
    }

    @Test
    void theSamePasswordIsSaltedDifferentlyEachTime() {
        assertNotEquals(PasswordHash.of("secret".toCharArray()), PasswordHash.of("secret".toCharArray()));
    }

    @Test
    void damagedHashesNeverMatch() {
        assertFalse(PasswordHash.matches("x".toCharArray(), null));
        assertFalse(PasswordHash.matches("x".toCharArray(), "sha256:abc"));
        assertFalse(PasswordHash.matches("x".toCharArray(), "PBKDF2WithHmacSHA256:1000:%%%:%%%"));
    }
}
