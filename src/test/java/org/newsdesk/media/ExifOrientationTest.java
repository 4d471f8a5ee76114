package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    private final byte[] plain = TestImages.write(TestImages.quadrants(64, 32), "jpeg");

    @Test
    void theTagIsReadInEitherByteOrder() {
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertEquals(orientation, ExifOrientation.read(TestImages.withExifOrientation(plain, orientation, false)));
            assertEquals(orientation, ExifOrientation.read(TestImages.withExifOrientation(plain, orientation, true)));
        }
    }

    @Test
    void noTagOrABrokenOneMeansUpright() {
        assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.read(plain));
        assertEquals(ExifOrientation.UPRIGHT, ExifOrientation.read(TestImages.withExifOrientation(plain, 42, false)));
        byte[] tagged = TestImages.withExifOrientation(plain, 6, false);
        for (int cut = 0; cut < 60; cut++) {
            ExifOrientation.read(Arrays.copyOf(tagged, cut)); // never throws on a file cut anywhere
        }
    }

    @Test
    void eachOrientationEndsUpright() {
        BufferedImage stored = TestImages.quadrants(40, 20);
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage upright = ExifOrientation.apply(stored, orientation);
            boolean sideways = orientation >= 5;
            assertEquals(sideways ? 20 : 40, upright.getWidth(), "width for " + orientation);
            assertEquals(sideways ? 40 : 20, upright.getHeight(), "height for " + orientation);
            assertEquals(TestImages.uprightCorners(orientation), TestImages.corners(upright), "corners for " + orientation);
        }
    }
}
