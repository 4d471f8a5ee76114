package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class VariantMakerTest {

    @Test
    void aCameraPhotoGetsThreeSizesWithItsProportions() throws IOException {
        byte[] camera = TestImages.busyJpeg(4000, 3000, 7);
        long started = System.nanoTime();
        List<EncodedVariant> variants = VariantMaker.make(ImageDecoder.decode(camera, 50_000_000L).image());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Decoding a 4000x3000 JPEG of %,d bytes and making its variants took %d ms%n", camera.length, millis);

        assertEquals(List.of(VariantSize.LARGE, VariantSize.MEDIUM, VariantSize.THUMBNAIL),
                variants.stream().map(EncodedVariant::size).toList());
        int[][] sizes = {{1600, 1200}, {800, 600}, {320, 240}};
        for (int i = 0; i < 3; i++) {
            EncodedVariant variant = variants.get(i);
            assertEquals(ImageType.JPEG, variant.type());
            BufferedImage written = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertEquals(sizes[i][0], written.getWidth());
            assertEquals(sizes[i][1], written.getHeight());
            assertEquals(sizes[i][0], variant.width());
            assertEquals(sizes[i][1], variant.height());
        }
        assertTrue(variants.get(0).bytes().length < camera.length, "the large variant is lighter than the original");
    }

    @Test
    void aSmallPhotoIsNeverBlownUp() throws IOException {
        List<EncodedVariant> variants = VariantMaker.make(TestImages.quadrants(500, 300));
        assertEquals(500, variants.get(0).width(), "large keeps the original's 500");
        assertEquals(500, variants.get(1).width(), "medium too");
        assertEquals(320, variants.get(2).width());
        assertEquals(192, variants.get(2).height());
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(variants.get(2).bytes()));
        assertEquals(List.of("red", "blue", "green", "yellow"), TestImages.corners(thumbnail), "shrunk, not turned");
    }

    @Test
    void transparencySurvivesAsPngAndOpaqueAlphaBecomesJpeg() throws IOException {
        BufferedImage logo = new BufferedImage(1000, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(100, 50, 800, 300); // the corners stay see-through
        g.dispose();
        List<EncodedVariant> variants = VariantMaker.make(logo);
        for (EncodedVariant variant : variants) {
            assertEquals(ImageType.PNG, variant.type());
            BufferedImage written = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertEquals(0, written.getRGB(0, 0) >>> 24, "a corner stays transparent in " + variant.size());
        }

        BufferedImage opaque = new BufferedImage(1000, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D o = opaque.createGraphics();
        o.setColor(Color.BLUE);
        o.fillRect(0, 0, 1000, 400);
        o.dispose();
        assertTrue(VariantMaker.make(opaque).stream().allMatch(v -> v.type() == ImageType.JPEG),
                "an alpha channel with nothing see-through is a photo like any other");
    }
}
