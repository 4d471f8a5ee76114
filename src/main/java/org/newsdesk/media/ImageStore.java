package org.newsdesk.media;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.newsdesk.platform.Faults;
import org.newsdesk.platform.PlatformConfig;

/**
 * Keeps image bytes on disk under {@code NEWSDESK_MEDIA_DIR}, content-addressed by the original's
 * SHA-256: the original as {@code ab/abcdef....jpg}, its variants beside it as
 * {@code ab/abcdef...-medium.jpg}. The same upload twice takes the space once, and a stored file never
 * changes under its name, which is what lets the media servlet tell browsers to keep it for a year.
 */
@ApplicationScoped
public class ImageStore {

    private static final Logger LOG = Logger.getLogger(ImageStore.class.getName());

    private final Path root;

    public ImageStore() {
        this.root = PlatformConfig.MEDIA_DIR.value();
    }

    public static String originalKey(String sha256, ImageType type) {
        return sha256.substring(0, 2) + "/" + sha256 + "." + type.extension();
    }

    public static String variantKey(String sha256, VariantSize size, ImageType type) {
        return sha256.substring(0, 2) + "/" + sha256 + "-" + size.variantName() + "." + type.extension();
    }

    /**
     * Writes the bytes under the key unless they are there already; readers never see half a file.
     *
     * @return whether the file was written now (false: it was there already, and is not this caller's to remove)
     * @throws UncheckedIOException when it could not be written (a full disk among others); nothing is left behind
     */
    public boolean keep(String storageKey, byte[] bytes) {
        Path target = resolve(storageKey);
        try {
            if (Files.exists(target)) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target, e);
        }
    }

    /**
     * Puts the bytes in place of the file under the key, in one step: readers see the old file or the new
     * one, never half of either.
     */
    public void replace(String storageKey, byte[] bytes) throws IOException {
        Path target = resolve(storageKey);
        Path temp = Files.createTempFile(target.getParent(), ".replace-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether writing failed because the disk (or the user's quota) is full. */
    public static boolean diskFull(Throwable thrown) {
        return Faults.causes(thrown).map(Throwable::getMessage)
                .anyMatch(message -> message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded")));
    }

    /** Removes files whose photo is gone. A file that cannot be removed is only logged: it harms no one. */
    public void discard(Collection<String> storageKeys) {
        for (String key : storageKeys) {
            try {
                Files.deleteIfExists(resolve(key));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove " + key + " from the image store", e);
            }
        }
    }

    /** The file behind a storage key; keys are ours, but a key never escapes the store's directory. */
    public Path resolve(String storageKey) {
        Path path = root.resolve(storageKey).normalize();
        if (!path.startsWith(root.normalize())) {
            throw new IllegalArgumentException("Storage key outside the image store: " + storageKey);
        }
        return path;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
