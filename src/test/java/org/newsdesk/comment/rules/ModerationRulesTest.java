package org.newsdesk.comment.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.newsdesk.comment.rules.Verdict.Outcome;

/** Each rule on its own, then the chain: what a moderator reads in the queue is what these assert. */
class ModerationRulesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final ModerationSettings DEFAULTS = new ModerationSettings(false, true, 3, 5, 60, true, 2,
            List.of(), List.of(), true, 3, 0, true, 50, false);

    /** A reader's record, set up by each test. */
    static final class History implements ReaderHistory {
        long approvedBefore = 1;
        List<Instant> recent = new ArrayList<>();
        boolean alreadySaid;
        boolean emailBanned;
        boolean addressBanned;

        @Override
        public long approvedBefore() {
            return approvedBefore;
        }

        @Override
        public List<Instant> commentsFromAddressSince(Instant since) {
            return recent.stream().filter(t -> !t.isBefore(since)).toList();
        }

        @Override
        public boolean alreadySaid() {
            return alreadySaid;
        }

        @Override
        public boolean emailBanned() {
            return emailBanned;
        }

        @Override
        public boolean addressBanned() {
            return addressBanned;
        }
    }

    private final History history = new History();

    private Submission comment(String body) {
        return new Submission("Amira", "amira@example.org", null, body, null, NOW.minusSeconds(60), NOW, history);
    }

    private static ModerationSettings with(String name, String value) {
        return DEFAULTS.with(Map.of(name, value));
    }

    @Test
    void anOrdinaryCommentFromAKnownReaderIsApproved() {
        assertEquals(Outcome.APPROVE, ModerationRules.standard().evaluate(comment("A fair summary."), DEFAULTS).outcome());
    }

    @Nested
    class HoldEverything {
        @Test
        void holdsEveryCommentWhileSwitchedOn() {
            Verdict v = new HoldEverythingRule().check(comment("Fine."), with(ModerationSettings.HOLD_EVERYTHING, "true"));
            assertEquals(Outcome.HOLD, v.outcome());
            assertEquals("hold-everything", v.rule());
        }

        @Test
        void doesNothingWhenOff() {
            assertEquals(Outcome.APPROVE, new HoldEverythingRule().check(comment("Fine."), DEFAULTS).outcome());
        }
    }

    @Nested
    class Honeypot {
        @Test
        void aFilledHiddenFieldIsSpamAndTheValueIsRecorded() {
            Submission bot = new Submission("Bot", "bot@example.org", null, "Buy", "http://spam.example", NOW.minusSeconds(60),
                    NOW, history);
            Verdict v = new HoneypotRule().check(bot, DEFAULTS);
            assertEquals(Outcome.SPAM, v.outcome());
            assertTrue(v.reason().english().contains("http://spam.example"), v.reason().english());
        }

        @Test
        void anEmptyHiddenFieldPassesAndTheRuleCanBeSwitchedOff() {
            assertEquals(Outcome.APPROVE, new HoneypotRule().check(comment("Hi"), DEFAULTS).outcome());
            Submission bot = new Submission("Bot", "bot@example.org", null, "Buy", "x", NOW, NOW, history);
            assertEquals(Outcome.APPROVE, new HoneypotRule().check(bot, with(ModerationSettings.HONEYPOT, "false")).outcome());
        }
    }

    @Nested
    class MinimumTime {
        @Test
        void aCommentSentTooSoonIsHeldNamingTheSeconds() {
            Submission quick = new Submission("A", "a@example.org", null, "Hi", null, NOW.minusSeconds(1), NOW, history);
            Verdict v = new MinimumTimeRule().check(quick, DEFAULTS);
            assertEquals(Outcome.HOLD, v.outcome());
            assertEquals("Sent 1 s after the form was shown (minimum 3 s).", v.reason().english());
        }

        @Test
        void enoughTimeOrZeroMinimumPasses() {
            Submission quick = new Submission("A", "a@example.org", null, "Hi", null, NOW.minusSeconds(1), NOW, history);
            assertEquals(Outcome.APPROVE, new MinimumTimeRule().check(comment("Hi"), DEFAULTS).outcome());
            assertEquals(Outcome.APPROVE, new MinimumTimeRule().check(quick, with(ModerationSettings.MINIMUM_SECONDS, "0")).outcome());
        }
    }

    @Nested
    class RateLimit {
        @Test
        void refusesOverTheLimitAndSaysHowLongToWait() {
            for (int i = 5; i >= 1; i--) {
                history.recent.add(NOW.minusSeconds(i * 10L));
            }
            Verdict v = new RateLimitRule().check(comment("Again"), DEFAULTS);
            assertEquals(Outcome.REJECT, v.outcome());
            // The oldest of the five (50 s ago) leaves the 60 s window in 10 s.
            assertEquals("You are commenting too quickly. Please wait 11 seconds and send your comment again.",
                    v.readerMessage().english());
            assertTrue(v.reason().english().startsWith("5 comments from this address in the last 60 s"), v.reason().english());
        }

        @Test
        void underTheLimitOrSwitchedOffPasses() {
            history.recent.add(NOW.minusSeconds(5));
            assertEquals(Outcome.APPROVE, new RateLimitRule().check(comment("Again"), DEFAULTS).outcome());
            for (int i = 0; i < 10; i++) {
                history.recent.add(NOW.minusSeconds(i));
            }
            assertEquals(Outcome.APPROVE,
                    new RateLimitRule().check(comment("Again"), with(ModerationSettings.RATE_LIMIT_COUNT, "0")).outcome());
        }
    }

    @Nested
    class Duplicate {
        @Test
        void sameTextTwiceIsRefusedAtTheCommentField() {
            history.alreadySaid = true;
            Verdict v = new DuplicateRule().check(comment("Same"), DEFAULTS);
            assertEquals(Outcome.REJECT, v.outcome());
            assertEquals("body", v.field());
            assertEquals("You have already posted this comment.", v.readerMessage().english());
        }

        @Test
        void newTextPasses() {
            assertEquals(Outcome.APPROVE, new DuplicateRule().check(comment("New"), DEFAULTS).outcome());
        }
    }

    @Nested
    class LinkCount {
        @Test
        void moreLinksThanAllowedAreHeldNamingTheCount() {
            Verdict v = new LinkCountRule().check(comment("https://a.example https://b.example http://c.example"), DEFAULTS);
            assertEquals(Outcome.HOLD, v.outcome());
            assertEquals("links", v.rule());
            assertEquals("3 links (more than 2 allowed).", v.reason().english());
        }

        @Test
        void upToTheLimitPasses() {
            assertEquals(Outcome.APPROVE,
                    new LinkCountRule().check(comment("https://a.example and https://b.example"), DEFAULTS).outcome());
        }
    }

    @Nested
    class DisallowedWords {
        @Test
        void aDisallowedWordAnywhereIsSpamNamingWordAndField() {
            ModerationSettings settings = with(ModerationSettings.DISALLOWED_WORDS, "casino\ncheap pills");
            Verdict v = new DisallowedWordsRule().check(comment("Visit our CASINO today"), settings);
            assertEquals(Outcome.SPAM, v.outcome());
            assertEquals("Disallowed word 'casino' in the comment (\"CASINO\").", v.reason().english());
            Submission name = new Submission("Cheap Pills", "x@example.org", null, "Hello", null, NOW.minusSeconds(60), NOW, history);
            assertEquals("Disallowed word 'cheap pills' in the name (\"Cheap Pills\").",
                    new DisallowedWordsRule().check(name, settings).reason().english());
        }

        @Test
        void onlyWholeWordsMatch() {
            ModerationSettings settings = with(ModerationSettings.DISALLOWED_WORDS, "ass");
            assertEquals(Outcome.APPROVE, new DisallowedWordsRule().check(comment("A classic assessment."), settings).outcome());
        }
    }

    @Nested
    class SuspectWords {
        @Test
        void aSuspectWordHoldsNamingIt() {
            Verdict v = new SuspectWordsRule().check(comment("Invest in crypto now"),
                    with(ModerationSettings.SUSPECT_WORDS, "crypto, forex"));
            assertEquals(Outcome.HOLD, v.outcome());
            assertEquals("Suspect word 'crypto' in the comment.", v.reason().english());
        }

        @Test
        void worksWithArabicText() {
            Verdict v = new SuspectWordsRule().check(comment("هذا رابط مشبوه"), with(ModerationSettings.SUSPECT_WORDS, "مشبوه"));
            assertEquals(Outcome.HOLD, v.outcome());
        }
    }

    @Nested
    class FirstComment {
        @Test
        void aNewcomerIsHeld() {
            history.approvedBefore = 0;
            Verdict v = new FirstCommentRule().check(comment("Hello"), DEFAULTS);
            assertEquals(Outcome.HOLD, v.outcome());
            assertEquals("first-comment", v.rule());
        }

        @Test
        void aReaderWithAnApprovedCommentIsNot() {
            assertEquals(Outcome.APPROVE, new FirstCommentRule().check(comment("Hello"), DEFAULTS).outcome());
            history.approvedBefore = 0;
            assertEquals(Outcome.APPROVE,
                    new FirstCommentRule().check(comment("Hello"), with(ModerationSettings.HOLD_FIRST_COMMENT, "false")).outcome());
        }
    }

    @Nested
    class BannedAuthor {
        @Test
        void aBannedEmailOrAddressIsSpam() {
            history.emailBanned = true;
            Verdict v = new BannedAuthorRule().check(comment("Hi"), DEFAULTS);
            assertEquals(Outcome.SPAM, v.outcome());
            assertEquals("The email address amira@example.org is banned.", v.reason().english());
            history.emailBanned = false;
            history.addressBanned = true;
            assertEquals("The network address this came from is banned.", new BannedAuthorRule().check(comment("Hi"), DEFAULTS).reason().english());
        }
    }

    @Nested
    class Chain {
        @Test
        void theMostSevereVerdictWinsAndAmongEqualsTheFirst() {
            history.approvedBefore = 0;
            Verdict v = ModerationRules.standard().evaluate(comment("https://a.example https://b.example https://c.example"),
                    DEFAULTS);
            assertEquals(Outcome.HOLD, v.outcome());
            assertEquals("links", v.rule(), "the link rule comes before the first-comment rule");

            Verdict spam = ModerationRules.standard().evaluate(comment("casino https://a.example https://b.example https://c.example"),
                    with(ModerationSettings.DISALLOWED_WORDS, "casino"));
            assertEquals(Outcome.SPAM, spam.outcome());
            assertEquals("disallowed-word", spam.rule());
        }

        @Test
        void aRefusalWinsOverSpam() {
            history.emailBanned = true;
            history.alreadySaid = true;
            Verdict v = ModerationRules.standard().evaluate(comment("Hi"), DEFAULTS);
            assertEquals(Outcome.REJECT, v.outcome());
            assertEquals("duplicate", v.rule());
        }

        @Test
        void aRefusalStopsTheChain() {
            List<String> asked = new ArrayList<>();
            ModerationRules chain = new ModerationRules(List.of(
                    rule("refuses", asked, Verdict.reject("refuses", org.newsdesk.platform.Phrase.of("rule.reason.duplicate"), null, org.newsdesk.platform.Phrase.of("comment.refused.duplicate"))),
                    rule("after-the-refusal", asked, Verdict.approve())));
            assertEquals("refuses", chain.evaluate(comment("Hi"), DEFAULTS).rule());
            assertEquals(List.of("refuses"), asked, "no rule after a refusal is asked");
        }

        private ModerationRule rule(String name, List<String> asked, Verdict verdict) {
            return new ModerationRule() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Verdict check(Submission submission, ModerationSettings settings) {
                    asked.add(name);
                    return verdict;
                }
            };
        }

        @Test
        void approvalCarriesNoRule() {
            assertNull(ModerationRules.standard().evaluate(comment("Hi"), DEFAULTS).rule());
        }
    }

    @Nested
    class Settings {
        @Test
        void overridesApplyAndNonsenseIsIgnored() {
            ModerationSettings s = DEFAULTS.with(Map.of(ModerationSettings.MAX_LINKS, "5",
                    ModerationSettings.MINIMUM_SECONDS, "soon", ModerationSettings.SUSPECT_WORDS, "a, b\nc,,"));
            assertEquals(5, s.maxLinks());
            assertEquals(3, s.minimumSeconds());
            assertEquals(List.of("a", "b", "c"), s.suspectWords());
            assertEquals(s, DEFAULTS.with(s.asStored()), "settings survive the setting table unchanged");
        }
    }
}
