package org.newsdesk.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoMetadataTest {

    private static final byte[] CAMERA = TestImages.withPrivateMetadata(
            TestImages.write(TestImages.quadrants(400, 300), "jpeg"), 6);

    @Test
    void theStoredOriginalKeepsOnlyOrientationArtistAndCopyright() throws IOException {
        assertNotNull(TestImages.exif(CAMERA).getEntryById(TIFF.TAG_GPS_IFD), "the test photo does carry a position");
        assertTrueContains(CAMERA);

        DevelopedPhoto developed = DevelopedPhoto.develop(CAMERA, 50_000_000);

        byte[] original = developed.original();
        assertClean(original, "the original");
        Directory exif = TestImages.exif(original);
        assertEquals(6, ((Number) exif.getEntryById(TIFF.TAG_ORIENTATION).getValue()).intValue(),
                "the original's pixels still lie on their side, so it still says how to turn them");
        assertNull(exif.getEntryById(TIFF.TAG_MAKE));
        // The image data itself is copied, not re-encoded: every pixel is as the camera made it.
        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(CAMERA)), ImageIO.read(new ByteArrayInputStream(original)));
        assertEquals(TestImages.uprightCorners(6), TestImages.corners(ImageDecoder.decode(original, 50_000_000).image()),
                "read back, it is still turned upright");
    }

    @Test
    void everyVariantKeepsArtistAndCopyrightAndNothingElse() {
        for (EncodedVariant variant : DevelopedPhoto.develop(CAMERA, 50_000_000).variants()) {
            assertClean(variant.bytes(), variant.size().variantName());
            assertNull(TestImages.exif(variant.bytes()).getEntryById(TIFF.TAG_ORIENTATION),
                    "variants are upright already: " + variant.size());
        }
    }

    @Test
    void aPhotoThatNamesNoOneGetsNoExifAtAll() {
        byte[] plain = TestImages.write(TestImages.quadrants(40, 30), "jpeg");
        byte[] cleaned = DevelopedPhoto.develop(plain, 50_000_000).original();
        assertNull(TestImages.exif(cleaned));
        assertEquals(plain.length, cleaned.length, "only a JFIF header, kept as it was");
    }

    @Test
    void creatorAndCopyrightComeFromXmpWhenExifHasNone() {
        byte[] xmpOnly = TestImages.withXmpAuthorship(TestImages.write(TestImages.quadrants(40, 30), "jpeg"));
        assertEquals(new PhotoMetadata.Authorship(TestImages.ARTIST, TestImages.COPYRIGHT), PhotoMetadata.authorship(xmpOnly));
        byte[] cleaned = DevelopedPhoto.develop(xmpOnly, 50_000_000).original();
        assertEquals(TestImages.ARTIST, TestImages.exif(cleaned).getEntryById(TIFF.TAG_ARTIST).getValueAsString());
        assertFalse(TestImages.contains(cleaned, "xap/1.0"), "no XMP left");
    }

    @Test
    void creatorAndCopyrightComeFromIptcWhenExifHasNone() {
        byte[] iptcOnly = TestImages.withIptcAuthorship(TestImages.write(TestImages.quadrants(40, 30), "jpeg"));
        assertEquals(new PhotoMetadata.Authorship(TestImages.ARTIST, TestImages.COPYRIGHT), PhotoMetadata.authorship(iptcOnly));
        byte[] cleaned = DevelopedPhoto.develop(iptcOnly, 50_000_000).original();
        assertEquals(TestImages.COPYRIGHT, TestImages.exif(cleaned).getEntryById(TIFF.TAG_COPYRIGHT).getValueAsString());
        assertFalse(TestImages.contains(cleaned, "Photoshop 3.0"), "no IPTC left");
    }

    @Test
    void aPngLosesItsTextAndExifChunksButNotItsPixels() throws IOException {
        byte[] png = TestImages.write(TestImages.quadrants(40, 30), "png");
        byte[] tagged = TestImages.withPngChunks(png, "tEXt", "Comment\0" + TestImages.SECRET, "eXIf", TestImages.SECRET,
                "iTXt", "XML:com.adobe.xmp\0\0\0\0\0" + TestImages.SECRET);
        assertEquals(true, TestImages.contains(tagged, TestImages.SECRET));
        byte[] cleaned = DevelopedPhoto.develop(tagged, 50_000_000).original();
        assertFalse(TestImages.contains(cleaned, TestImages.SECRET));
        assertEquals(png.length, cleaned.length, "every other chunk kept as it was");
        assertPixelsEqual(ImageIO.read(new ByteArrayInputStream(png)), ImageIO.read(new ByteArrayInputStream(cleaned)));
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndSaysSo() {
        byte[] tagged = TestImages.webpWithExifAndXmp(TestImages.SECRET);
        assertEquals(true, TestImages.contains(tagged, TestImages.SECRET));
        byte[] cleaned = DevelopedPhoto.develop(tagged, 50_000_000).original();
        assertFalse(TestImages.contains(cleaned, TestImages.SECRET));
        assertEquals(0, cleaned[20] & 0x0C, "the VP8X header no longer announces EXIF or XMP");
        assertEquals(cleaned.length - 8, (cleaned[4] & 0xFF) | (cleaned[5] & 0xFF) << 8 | (cleaned[6] & 0xFF) << 16, "RIFF size");
        assertEquals(1, ImageDecoder.decode(cleaned, 50_000_000).width(), "still a picture");
    }

    private static final byte[] PLAIN = TestImages.write(TestImages.quadrants(40, 30), "jpeg");

    private static final TestImages.CreditFields ALL = new TestImages.CreditFields("Reuters", "Ahmed Saad",
            "AFP", "Mahmud Hams", "Hadi Mizban", "© 2026 The Associated Press");

    @Test
    void creditsComeInTheOrderADeskTakesThemNotTheOrderOfTheFile() {
        assertEquals(List.of(
                new PhotoMetadata.Credit("Reuters", "IPTC Credit"),
                new PhotoMetadata.Credit("Ahmed Saad", "IPTC By-line"),
                new PhotoMetadata.Credit("AFP", "XMP photoshop:Credit"),
                new PhotoMetadata.Credit("Mahmud Hams", "XMP dc:creator"),
                new PhotoMetadata.Credit("Hadi Mizban", "EXIF Artist"),
                new PhotoMetadata.Credit("© 2026 The Associated Press", "EXIF Copyright")),
                PhotoMetadata.credits(TestImages.withCredits(PLAIN, ALL)));
    }

    @Test
    void eachCreditFieldIsTakenWhenTheOnesBeforeItAreMissing() {
        String[] values = {"Reuters", "Ahmed Saad", "AFP", "Mahmud Hams", "Hadi Mizban", "© 2026 The Associated Press"};
        String[] fields = {"IPTC Credit", "IPTC By-line", "XMP photoshop:Credit", "XMP dc:creator", "EXIF Artist", "EXIF Copyright"};
        for (int missing = 0; missing < values.length; missing++) {
            String[] kept = values.clone();
            Arrays.fill(kept, 0, missing, null);
            byte[] jpeg = TestImages.withCredits(PLAIN, new TestImages.CreditFields(kept[0], kept[1], kept[2], kept[3], kept[4], kept[5]));
            List<PhotoMetadata.Credit> credits = PhotoMetadata.credits(jpeg);
            assertEquals(new PhotoMetadata.Credit(values[missing], fields[missing]), credits.get(0), "without the first " + missing);
            assertEquals(values.length - missing, credits.size());
        }
        assertEquals(List.of(), PhotoMetadata.credits(PLAIN), "a picture that names no one");
    }

    @Test
    void creditsInOtherScriptsAreReadAsWritten() {
        byte[] jpeg = TestImages.withCredits(PLAIN, new TestImages.CreditFields("פלאש 90", "يونس الشيخ", "EUROKINISSI/ΓΙΑΝΝΗΣ ΠΑΝΑΓΟΠΟΥΛΟΣ",
                "Zoë Ménard 📷", null, null));
        assertEquals(List.of("פלאש 90", "يونس الشيخ", "EUROKINISSI/ΓΙΑΝΝΗΣ ΠΑΝΑΓΟΠΟΥΛΟΣ", "Zoë Ménard 📷"),
                PhotoMetadata.credits(jpeg).stream().map(PhotoMetadata.Credit::value).toList());
    }

    @Test
    void damagedMetadataIsSkippedAndTheRestStillRead() {
        byte[] damaged = TestImages.withSegments(TestImages.withCredits(PLAIN, new TestImages.CreditFields(null, null, null, null,
                        "Hadi Mizban", null)),
                0xED, TestImages.photoshopIptc(new byte[] {0x1C, 2, 0x6E, 0x7F, 0x7F, 'R', 'e'}),
                0xED, "Photoshop 3.0\08BIM\u0004\u0004".getBytes(StandardCharsets.ISO_8859_1),
                0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF photoshop:Credit=\"AFP").getBytes(StandardCharsets.UTF_8),
                0xE1, "Exif\0\0MM\0*\0\0\0\u0008\u00FF\u00FF".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(new PhotoMetadata.Credit("Hadi Mizban", "EXIF Artist")), PhotoMetadata.credits(damaged));
    }

    @Test
    void aDamagedFileOrOneThatIsNoPictureNamesNoOne() {
        byte[] credited = TestImages.withCredits(PLAIN, ALL);
        assertEquals(List.of(), PhotoMetadata.credits(Arrays.copyOf(credited, 40)), "cut off inside its metadata");
        assertEquals(List.of(), PhotoMetadata.credits("%PDF-1.4 Credit: Reuters".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(), PhotoMetadata.credits(new byte[0]));
        byte[] png = TestImages.write(TestImages.quadrants(4, 3), "png");
        assertEquals(List.of(), PhotoMetadata.credits(Arrays.copyOf(png, png.length - 20)), "a PNG without its end");
    }

    @Test
    void aPngsXmpAndExifChunksAreRead() throws IOException {
        byte[] png = TestImages.write(TestImages.quadrants(4, 3), "png");
        String exif = new String(TestImages.exifTiff("Hadi Mizban", null), StandardCharsets.ISO_8859_1);
        byte[] plainText = TestImages.withPngChunks(png, "eXIf", exif,
                "iTXt", "XML:com.adobe.xmp\0\0\0\0\0" + TestImages.xmpCredits("Reuters", "Ahmed Saad"));
        assertEquals(List.of(new PhotoMetadata.Credit("Reuters", "XMP photoshop:Credit"), new PhotoMetadata.Credit("Ahmed Saad", "XMP dc:creator"),
                new PhotoMetadata.Credit("Hadi Mizban", "EXIF Artist")), PhotoMetadata.credits(plainText));

        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(TestImages.xmpCredits("AFP", null).getBytes(StandardCharsets.UTF_8));
        }
        byte[] compressed = TestImages.withPngChunks(png, "tEXt", "Author\0Not a credit field",
                "iTXt", "XML:com.adobe.xmp\0\u0001\0en\0\0" + new String(deflated.toByteArray(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of(new PhotoMetadata.Credit("AFP", "XMP photoshop:Credit")), PhotoMetadata.credits(compressed));
    }

    @Test
    void aWebpsExifAndXmpChunksAreRead() {
        byte[] xmp = TestImages.xmpCredits(null, "Mahmud Hams").getBytes(StandardCharsets.UTF_8);
        byte[] bare = TestImages.webpWith(TestImages.exifTiff(null, "Getty Images"), xmp);
        assertEquals(List.of(new PhotoMetadata.Credit("Mahmud Hams", "XMP dc:creator"), new PhotoMetadata.Credit("Getty Images", "EXIF Copyright")),
                PhotoMetadata.credits(bare));
        byte[] prefixed = TestImages.webpWith(concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), TestImages.exifTiff("Hadi Mizban", null)),
                "<not xmp".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(new PhotoMetadata.Credit("Hadi Mizban", "EXIF Artist")), PhotoMetadata.credits(prefixed), "as some writers store it");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static void assertTrueContains(byte[] jpeg) {
        assertEquals(true, TestImages.contains(jpeg, TestImages.SECRET), "the test photo does carry the secrets");
    }

    private static void assertClean(byte[] jpeg, String what) {
        Directory exif = TestImages.exif(jpeg);
        assertNotNull(exif, what + " has an EXIF segment");
        assertNull(exif.getEntryById(TIFF.TAG_GPS_IFD), what + " has no GPS position");
        assertNull(exif.getEntryById(TIFF.TAG_EXIF_IFD), what + " has no camera details or maker note");
        assertFalse(TestImages.contains(jpeg, TestImages.SECRET), what + " has no maker note, XMP or comment");
        assertFalse(TestImages.contains(jpeg, "xap/1.0"), what + " has no XMP packet");
        assertEquals(TestImages.ARTIST, exif.getEntryById(TIFF.TAG_ARTIST).getValueAsString(), what);
        assertEquals(TestImages.COPYRIGHT, exif.getEntryById(TIFF.TAG_COPYRIGHT).getValueAsString(), what);
    }

    private static void assertPixelsEqual(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        int[] a = expected.getRGB(0, 0, expected.getWidth(), expected.getHeight(), null, 0, expected.getWidth());
        int[] b = actual.getRGB(0, 0, actual.getWidth(), actual.getHeight(), null, 0, actual.getWidth());
        assertEquals(true, Arrays.equals(a, b), "the same pixels");
    }
}
