package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void typesAreRecognisedByTheirBytesNotTheirNames() {
        assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of(ImageType.PNG), ImageType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.sniff(TestImages.WEBP_1X1));
        assertEquals(Optional.empty(), ImageType.sniff(ascii("%PDF-1.7")));
        assertEquals(Optional.empty(), ImageType.sniff(ascii("<svg xmlns=")));
        assertEquals(Optional.empty(), ImageType.sniff(ascii("GIF89a")));
        assertEquals(Optional.empty(), ImageType.sniff(ascii("RIFF\0\0\0\0WAVEfmt ")));
        assertEquals(Optional.empty(), ImageType.sniff(new byte[0]));
    }

    @Test
    void aRefusedFileIsCalledWhatItReallyIs() {
        assertTrue(ImageType.refusal(ascii("%PDF-1.7\n...")).english().startsWith("This file is a PDF document, not a photo."));
        assertTrue(ImageType.refusal(ascii("GIF89a....")).english().startsWith("GIF images are not accepted."));
        assertTrue(ImageType.refusal(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")).english().startsWith("SVG drawings"));
        assertTrue(ImageType.refusal(ascii("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg>")).english().startsWith("SVG drawings"));
        assertTrue(ImageType.refusal(ascii("\0\0\0\u0018ftypheic")).english().startsWith("HEIC"));
        assertEquals("This file is not a JPEG, PNG or WebP image.", ImageType.refusal(ascii("hello, world")).english());
        assertEquals("This file is not a JPEG, PNG or WebP image.", ImageType.refusal(new byte[0]).english());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
