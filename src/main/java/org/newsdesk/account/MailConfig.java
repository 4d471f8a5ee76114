package org.newsdesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
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
}
