package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTypeTest {

    @TempDir
    Path store;

    @Test
    void typesAreRecognisedByTheirBytesNotTheirNames() {
        assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of(ImageType.PNG), ImageType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageType.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageType.sniff("<svg xmlns=".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageType.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageType.sniff(new byte[0]));
    }

    @Test
    void theStoreKeepsARealPhotoUnderItsHash() throws IOException {
        byte[] jpeg = seedPhoto();
        StoredImage stored = new ImageStore(store).store(jpeg);
        assertEquals("image/jpeg", stored.mimeType());
        assertEquals(1200, stored.width());
        assertEquals(800, stored.height());
        assertTrue(stored.storageKey().startsWith(stored.sha256().substring(0, 2) + "/"));
        assertTrue(Arrays.equals(jpeg, Files.readAllBytes(store.resolve(stored.storageKey()))));
    }

    @Test
    void aTruncatedOrDisguisedFileIsRefused() throws IOException {
        ImageStore images = new ImageStore(store);
        byte[] truncated = Arrays.copyOf(seedPhoto(), 200);
        assertThrows(UnsupportedImageException.class, () -> images.store(truncated));
        assertThrows(UnsupportedImageException.class, () -> images.store("%PDF-1.7 renamed.jpg".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(UnsupportedImageException.class, () -> images.store(new byte[0]));
    }

    private static byte[] seedPhoto() throws IOException {
        try (InputStream in = ImageTypeTest.class.getResourceAsStream("/seed/militia-funeral-baghdad.jpg")) {
            return in.readAllBytes();
        }
    }
}
