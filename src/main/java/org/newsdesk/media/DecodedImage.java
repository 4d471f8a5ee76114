package org.newsdesk.media;

import java.awt.image.BufferedImage;

/** An accepted upload's pixels, already turned upright, with the type its bytes announced. */
public record DecodedImage(ImageType type, BufferedImage image, int orientation) {

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
