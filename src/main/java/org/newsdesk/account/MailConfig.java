package org.newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** The SMTP server {@link NoticeMail} sends through; without a host no mail is sent (and that is logged). */
@ApplicationScoped
public class MailConfig implements ConfigArea {

    public static final Setting<String> SMTP_HOST = Setting.text("SMTP_HOST", null, "the SMTP server's host name");
    public static final Setting<Integer> SMTP_PORT = Setting.integer("SMTP_PORT", 25, 1, 65_535, "the SMTP server's port");
    public static final Setting<String> SMTP_USER = Setting.text("SMTP_USER", null,
            "the SMTP user; with it set, mail is sent with STARTTLS and a password");
    public static final Setting<String> SMTP_PASSWORD = Setting.text("SMTP_PASSWORD", null, "the SMTP user's password");
    public static final Setting<String> SMTP_FROM = Setting.text("SMTP_FROM", "newsdesk@localhost", "the sender of Newsdesk's mail");

    private static final NoDelaySockets NO_DELAY = new NoDelaySockets();

    @Override
    public List<Setting<?>> settings() {
        return List.of(SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_FROM);
    }

    public Optional<String> host() {
        return SMTP_HOST.optional();
    }

    public int port() {
        return SMTP_PORT.value();
    }

    public Optional<String> user() {
        return SMTP_USER.optional();
    }

    public String password() {
        return SMTP_PASSWORD.optional().orElse("");
    }

    public String from() {
        return SMTP_FROM.value();
    }

    /**
     * A mail session for the SMTP server at {@code host}: ten-second timeouts, sockets without Nagle's delay
     * ({@link NoDelaySockets}), and STARTTLS with the user's password when a user is set.
     */
    public Session session(String host) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.socketFactory", NO_DELAY);
        Optional<String> user = user();
        Authenticator authenticator = null;
        if (user.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            properties.put("mail.smtp.starttls.enable", "true");
            String password = password();
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user.get(), password);
                }
            };
        }
        return Session.getInstance(properties, authenticator);
    }
}
