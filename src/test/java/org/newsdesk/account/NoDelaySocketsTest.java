package org.newsdesk.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {

    /** Without it every mail waited on Nagle's algorithm and the server's delayed acknowledgement: 20 a second at most. */
    @Test
    void mailSessionsOpenSocketsWithoutNaglesDelay() throws Exception {
        Object factory = new MailConfig().session("127.0.0.1").getProperties().get("mail.smtp.socketFactory");
        assertTrue(factory instanceof SocketFactory, "a socket factory of Newsdesk's own: " + factory);
        try (Socket socket = ((SocketFactory) factory).createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
    }
}
