package org.newsdesk.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.newsdesk.platform.ConfigArea;
import org.newsdesk.platform.Setting;

/** The first administrator's password and address, used once, when the database has no account. */
@ApplicationScoped
public class DemoConfig implements ConfigArea {

    public static final Setting<String> ADMIN_PASSWORD = Setting.text("ADMIN_PASSWORD", null,
            "password of the first administrator, admin; generated and printed once when unset");
    public static final Setting<String> ADMIN_EMAIL = Setting.text("ADMIN_EMAIL", "admin@newsdesk.invalid",
            "email of the first administrator");

    @Override
    public List<Setting<?>> settings() {
        return List.of(ADMIN_PASSWORD, ADMIN_EMAIL);
    }

    public Optional<String> adminPassword() {
        return ADMIN_PASSWORD.optional();
    }

    public String adminEmail() {
        return ADMIN_EMAIL.value();
    }
}
