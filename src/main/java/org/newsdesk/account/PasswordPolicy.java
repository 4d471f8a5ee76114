package org.newsdesk.account;

import java.util.List;
import org.newsdesk.platform.Phrase;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What a new password must be (NIST SP 800-63B): long enough and hard to guess, with no rules about
 * which kinds of characters it holds. Guessability is nbvcxz's estimate, with its dictionaries of common
 * passwords, names and words, plus the account's own username, name and email.
 * <pre>
 * PasswordPolicy.problem(password, username, displayName, email)
 *         .ifPresent(phrase -&gt; { throw new AccountException("newPassword", phrase); });
 * </pre>
 * Existing passwords are not checked again: an account keeps its password until it is next changed.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private PasswordPolicy() {
    }

    /** Why the password is refused, in words for the person choosing it; empty when it will do. */
    public static Optional<Phrase> problem(char[] password, String... personalWords) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of(Phrase.of("account.password.short", MIN_LENGTH));
        }
        Result estimate = estimator(personalWords).estimate(new String(password));
        if (estimate.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        // The estimator's own explanation is English only; the advice is in the desk's words.
        return Optional.of(Phrase.of("account.password.weak"));
    }

    private static Nbvcxz estimator(String... personalWords) {
        List<String> words = Stream.of(personalWords).filter(Objects::nonNull)
                .flatMap(word -> Stream.of(word.toLowerCase().split("[^\\p{L}\\p{N}]+")))
                .filter(word -> word.length() >= 3).distinct().toList();
        if (words.isEmpty()) {
            return DEFAULT;
        }
        Dictionary own = new DictionaryBuilder().setDictionaryName("account").addWords(words, 0).createDictionary();
        List<Dictionary> dictionaries = Stream.concat(ConfigurationBuilder.getDefaultDictionaries().stream(), Stream.of(own)).toList();
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).createConfiguration());
    }

    private static final Nbvcxz DEFAULT = new Nbvcxz();
}
