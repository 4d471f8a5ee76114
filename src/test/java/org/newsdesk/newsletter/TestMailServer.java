package org.newsdesk.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The SMTP server the integration tests read mail back from: GreenMail on the port the test servers send to. */
public final class TestMailServer {

    private TestMailServer() {
    }

    /** The port the test servers send to ({@code NEWSDESK_SMTP_PORT}). */
    public static int port() {
        return Integer.parseInt(System.getenv("NEWSDESK_SMTP_PORT"));
    }

    /** GreenMail started on {@link #port()}; tried again, for up to ten seconds, while the port is still held by the one before. */
    public static GreenMail start() throws InterruptedException {
        ServerSetup setup = new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(5_000);
        for (int attempt = 1; ; attempt++) {
            GreenMail started = new GreenMail(setup);
            try {
                started.start();
                return started;
            } catch (IllegalStateException e) {
                started.stop();
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
