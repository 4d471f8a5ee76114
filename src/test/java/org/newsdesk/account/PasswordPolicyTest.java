package org.newsdesk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void elevenCharactersAreTooFew() {
        assertEquals("Use at least 12 characters.", PasswordPolicy.problem("xq7#mv9!pkz".toCharArray()).orElseThrow().english());
    }

    @Test
    void longCommonPasswordsAreRefused() {
        for (String common : new String[] {"password1234", "qwertyuiop123", "123456789012", "iloveyou2024!"}) {
            assertTrue(PasswordPolicy.problem(common.toCharArray()).map(org.newsdesk.platform.Phrase::english).orElse("").startsWith("That password is too easy to guess"),
                    common);
        }
    }

    @Test
    void theAccountsOwnNamesCountAsGuessable() {
        char[] password = "zorbinka-quelltrap-77".toCharArray();
        assertEquals(Optional.empty(), PasswordPolicy.problem(password), "strong for anyone else");
        assertTrue(PasswordPolicy.problem(password, "zorbinka", "Zorbinka Quelltrap", "zorbinka@newsdesk.invalid").isPresent(),
                "but not for Zorbinka Quelltrap");
    }

    @Test
    void unrelatedWordsPassWithoutAnyCompositionRule() {
        assertTrue(PasswordPolicy.problem("correct horse battery staple".toCharArray()).isPresent(),
                "the comic's example is in every cracking list now");
        assertEquals(Optional.empty(), PasswordPolicy.problem("tangerine gravel hums in october".toCharArray()));
        assertEquals(Optional.empty(), PasswordPolicy.problem("lantern quietly orbits marmalade".toCharArray()));
    }
}
