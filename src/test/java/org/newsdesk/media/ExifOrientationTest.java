package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

    private final byte[] plain = TestImages.write(TestImages.redLeftBlueRight(40, 20), "jpeg");

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
        BufferedImage stored = TestImages.redLeftBlueRight(40, 20);
        // Where the red (stored left) half ends up once turned: {width, height, colour top-left, colour bottom-right}.
        Object[][] expected = {
            {1, 40, 20, "red", "blue"},
            {2, 40, 20, "blue", "red"},
            {3, 40, 20, "blue", "red"},
            {4, 40, 20, "red", "blue"},
            {5, 20, 40, "red", "blue"},
            {6, 20, 40, "red", "blue"},
            {7, 20, 40, "blue", "red"},
            {8, 20, 40, "blue", "red"},
        };
        for (Object[] row : expected) {
            BufferedImage upright = ExifOrientation.apply(stored, (int) row[0]);
            assertEquals(row[1], upright.getWidth(), "width for " + row[0]);
            assertEquals(row[2], upright.getHeight(), "height for " + row[0]);
            assertEquals(row[3], TestImages.colourAt(upright, 0, 0), "top left for " + row[0]);
            assertEquals(row[4], TestImages.colourAt(upright, upright.getWidth() - 1, upright.getHeight() - 1),
                    "bottom right for " + row[0]);
        }
    }
}
