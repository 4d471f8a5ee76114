package org.newsdesk.newsletter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Which failures of a send are for good (the address is marked bounced) and which are tried again. */
class OutboxWorkerTest {

    @Test
    void aFiveHundredReplyIsForGoodWhereverItIsCarried() {
        assertTrue(OutboxWorker.permanent(new MessagingException("550 5.1.1 No such mailbox")));
        assertTrue(OutboxWorker.permanent(new SendFailedException("Invalid Addresses", new MessagingException("553 5.1.3 Bad recipient"))));
    }

    @Test
    void aFourHundredReplyOrNoAnswerIsTriedAgain() {
        assertFalse(OutboxWorker.permanent(new MessagingException("451 4.3.0 Try again later")));
        assertFalse(OutboxWorker.permanent(new MessagingException("Could not connect to SMTP host", new ConnectException("Connection refused"))));
        assertFalse(OutboxWorker.permanent(new MessagingException("Exception reading response 5500")));
    }
}
