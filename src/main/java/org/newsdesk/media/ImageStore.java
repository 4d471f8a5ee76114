package org.newsdesk.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.newsdesk.platform.Config;

/**
 * Keeps image bytes on disk under {@code NEWSDESK_MEDIA_DIR}, content-addressed by SHA-256
 * ({@code ab/abcdef....jpg}), so the same upload twice takes the space once and a stored file never
 * changes under its name.
 */
@ApplicationScoped
public class ImageStore {

    private final Path root;

    public ImageStore() {
        this(Config.mediaDirectory());
    }

    ImageStore(Path root) {
        this.root = root;
    }

    public StoredImage store(byte[] bytes) {
        ImageType type = ImageType.sniff(bytes)
                .orElseThrow(() -> new UnsupportedImageException("This file is not a JPEG, PNG or WebP image."));
        BufferedImage image = decode(bytes);
        String sha256 = sha256(bytes);
        String key = sha256.substring(0, 2) + "/" + sha256 + "." + type.extension();
        write(resolve(key), bytes);
        return new StoredImage(key, type.mimeType(), image.getWidth(), image.getHeight(), bytes.length, sha256);
    }

    /** The file behind a storage key; keys are ours, but a key never escapes the store's directory. */
    public Path resolve(String storageKey) {
        Path path = root.resolve(storageKey).normalize();
        if (!path.startsWith(root.normalize())) {
            throw new IllegalArgumentException("Storage key outside the image store: " + storageKey);
        }
        return path;
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new UnsupportedImageException("This image could not be read.");
            }
            return image;
        } catch (IOException e) {
            throw new UnsupportedImageException("This image is damaged or incomplete.");
        }
    }

    private static void write(Path target, byte[] bytes) {
        try {
            if (Files.exists(target)) {
                return;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
