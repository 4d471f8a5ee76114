package org.newsdesk.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded database's password, kept in {@code $NEWSDESK_HOME/db-password}, readable by its owner only:
 * made on the first start (by bin/run, or by the launcher when it starts first) and the same ever after.
 */
final class DatabasePassword {

    static final String PASSWORD_FILE = "db-password";

    private DatabasePassword() {
    }

    /** The home's database password, made (32 random characters, owner-only file) when it has none yet. */
    static String of(Path home) throws IOException {
        Path file = home.toAbsolutePath().resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String made = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path draft = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".new", ownerOnly());
            Files.writeString(draft, made + "\n");
            try {
                Files.move(draft, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(draft);
                throw e;
            }
        }
        String password = Files.readString(file).strip();
        if (!password.matches("[A-Za-z0-9_-]{16,200}")) {
            throw new IOException(file + " must hold the embedded database's password (16 or more letters, digits, - or _)");
        }
        return password;
    }

    static java.nio.file.attribute.FileAttribute<?> ownerOnly() {
        return java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

}
