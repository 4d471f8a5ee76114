package org.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsdesk.media.MediaService;
import org.newsdesk.media.PhotoMetadataSweep;
import org.newsdesk.media.TestImages;
import org.newsdesk.media.VariantSize;

/**
 * The media library as an editor uses it, on a real Payara Micro and database: an upload becomes a
 * photo with three sizes on disk, cleaned of its position and camera notes, served at a random address
 * to staff, and to readers only once a published post shows it (never the original); every kind of bad file is refused with a
 * message at the field and nothing saved; details are edited and found by search; and a photo the
 * published demo post shows cannot be deleted, while an unused one goes with its files.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaLibraryIT {

    private static final String CAMERA_FILE = "baghdad-market-4000x3000.jpg";

    /** One signed-in desk session for the client-side steps, as one browser would keep. */
    private static Connection desk;
    private static long cameraPhotoId;

    @ArquillianResource
    private URL base;

    @EJB
    private MediaService media;

    @EJB
    private PhotoMetadataSweep metadataSweep;

    @Inject
    private ServletContext servletContext;

    @Test
    @Order(1)
    void theServiceChecksRolesItselfWhateverThePage() {
        byte[] photo = TestImages.seedPhoto();
        // Every @RolesAllowed method of MediaService, called with no one signed in.
        assertThrows(EJBAccessException.class, () -> media.upload("sneaky.jpg", photo));
        assertThrows(EJBAccessException.class, () -> media.receive("sneaky.jpg", photo));
        assertThrows(EJBAccessException.class, () -> media.checkUploadSize(photo.length));
        assertThrows(EJBAccessException.class, () -> media.find(1L));
        assertThrows(EJBAccessException.class, () -> media.search("", 1));
        assertThrows(EJBAccessException.class, () -> media.count(""));
        assertThrows(EJBAccessException.class, () -> media.update(1L, "alt", null, null));
        assertThrows(EJBAccessException.class, () -> media.uses(1L));
        assertThrows(EJBAccessException.class, () -> media.delete(1L));
    }

    @Test
    @Order(2)
    @RunAsClient
    void anUploadIsKeptInThreeSizesAndServedToStaffPrivately() throws IOException {
        signIn();
        byte[] camera = TestImages.busyJpeg(4000, 3000, 42);
        long started = System.nanoTime();
        Connection.Response sent = upload(CAMERA_FILE, camera, "image/jpeg");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("MediaLibraryIT: uploading a 4000x3000 JPEG of %,d bytes to its variants on disk took %d ms%n",
                camera.length, millis);
        assertEquals(302, sent.statusCode(), "a photo taken is followed by a redirect to its page");
        assertTrue(sent.header("Location").contains("/admin/media/edit?id="), sent.header("Location"));
        cameraPhotoId = Long.parseLong(sent.header("Location").replaceFirst(".*id=", ""));

        Document page = get(sent.header("Location")).parse();
        assertTrue(page.selectFirst(".flash").text().contains("Photo uploaded"));
        assertEquals(CAMERA_FILE, page.selectFirst("h1").text());
        assertTrue(page.text().contains("JPEG, 4000 × 3000 pixels"));

        List<List<Object>> variants = TestDatabase.query(
                "select name, width, height, mime_type, storage_key from photo_variant where photo_id = ? order by width",
                cameraPhotoId);
        assertEquals(List.of("thumbnail", "medium", "large"), variants.stream().map(v -> v.get(0)).toList());
        int[][] sizes = {{320, 240}, {800, 600}, {1600, 1200}};
        for (int i = 0; i < 3; i++) {
            assertEquals(sizes[i][0], ((Number) variants.get(i).get(1)).intValue());
            assertEquals(sizes[i][1], ((Number) variants.get(i).get(2)).intValue());
            assertEquals("image/jpeg", variants.get(i).get(3));
            assertTrue(Files.isRegularFile(mediaDir().resolve((String) variants.get(i).get(4))), "variant file on disk");
        }
        String originalKey = (String) TestDatabase.single("select storage_key from photo where id = ?", cameraPhotoId);
        assertTrue(Arrays.equals(camera, Files.readAllBytes(mediaDir().resolve(originalKey))),
                "a JPEG with nothing but its JFIF header is kept byte for byte");

        for (int i = 0; i < 3; i++) {
            String name = (String) variants.get(i).get(0);
            Connection.Response served = get(photoUrl(cameraPhotoId, name));
            assertEquals(200, served.statusCode());
            assertEquals("image/jpeg", served.contentType());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.bodyAsBytes()));
            assertEquals(sizes[i][0], image.getWidth(), name + " is served at its own size");
            String etag = served.header("ETag");
            assertNotNull(etag);
            assertNotNull(served.header("Last-Modified"));
            // No post shows it yet: only staff may see it, so no shared cache may keep it.
            assertEquals("private,no-cache", served.header("Cache-Control"));
            Connection.Response again = desk.newRequest(url(photoUrl(cameraPhotoId, name)))
                    .header("If-None-Match", etag).execute();
            assertEquals(304, again.statusCode(), "a browser that has it is told so");
            Connection.Response unchanged = desk.newRequest(url(photoUrl(cameraPhotoId, name)))
                    .header("If-Modified-Since", served.header("Last-Modified")).execute();
            assertEquals(304, unchanged.statusCode(), "a browser that has it is told so by date too");
        }
        assertEquals(4000, ImageIO.read(new ByteArrayInputStream(get(photoUrl(cameraPhotoId, "original")).bodyAsBytes())).getWidth());
        assertEquals(404, get(photoUrl(cameraPhotoId, "huge")).statusCode());
        assertEquals(404, get("/media/" + cameraPhotoId + "/thumbnail").statusCode(), "the row id is no address");
    }

    @Test
    @Order(3)
    @RunAsClient
    void aSidewaysPhonePhotoIsStoredUpright() throws IOException {
        // Stored 400 × 300 lying on its side, with the tag most portrait phone photos carry.
        byte[] sideways = TestImages.withExifOrientation(
                TestImages.write(TestImages.quadrants(400, 300), "jpeg"), 6, false);
        Connection.Response sent = upload("phone-portrait.jpg", sideways, "image/jpeg");
        assertEquals(302, sent.statusCode());
        long id = Long.parseLong(sent.header("Location").replaceFirst(".*id=", ""));
        assertEquals(List.of(300, 400), TestDatabase.query("select width, height from photo where id = ?", id).get(0).stream()
                .map(n -> ((Number) n).intValue()).toList());
        BufferedImage medium = ImageIO.read(new ByteArrayInputStream(get(photoUrl(id, "medium")).bodyAsBytes()));
        assertEquals(300, medium.getWidth(), "never upscaled");
        assertEquals(400, medium.getHeight());
        assertEquals(TestImages.uprightCorners(6), TestImages.corners(medium), "turned a quarter clockwise, not mirrored");
    }

    @Test
    @Order(4)
    @RunAsClient
    void everyRefusedFileGetsItsMessageAtTheFieldAndNothingIsSaved() throws IOException {
        long photosBefore = photoCount();
        byte[] camera = TestImages.seedPhoto();
        byte[] fiftyMegabytes = new byte[50 * 1024 * 1024];
        new Random(3).nextBytes(fiftyMegabytes);
        System.arraycopy(camera, 0, fiftyMegabytes, 0, 1000);
        Object[][] cases = {
            {"huge.jpg", fiftyMegabytes, "image/jpeg", "This file is 50.0 MB; photos can be at most 10 MB."},
            {"report.jpg", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1),
                "image/jpeg", "This file is a PDF document, not a photo. Please upload a JPEG, PNG or WebP image."},
            {"logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8),
                "image/svg+xml", "SVG drawings are not accepted (they can carry scripts). Please upload a JPEG, PNG or WebP image."},
            {"animation.gif", TestImages.write(TestImages.quadrants(20, 20), "gif"), "image/gif",
                "GIF images are not accepted. Please upload a JPEG, PNG or WebP image."},
            {"cut-short.jpg", Arrays.copyOf(camera, camera.length / 2), "image/jpeg",
                "This image is damaged or incomplete (the upload may have been cut off). Please upload it again."},
            {"empty.jpg", new byte[0], "image/jpeg", "This file is empty."},
        };
        for (Object[] refused : cases) {
            Connection.Response response = upload((String) refused[0], (byte[]) refused[1], (String) refused[2]);
            assertEquals(200, response.statusCode(), refused[0] + " comes back to the form");
            Document page = response.parse();
            Element message = page.getElementById("upload:file-message");
            assertNotNull(message, refused[0] + " has a message at the field");
            assertEquals(refused[3], message.text(), "the message for " + refused[0]);
            assertFalse(page.text().contains("Exception"), "no stack trace");
            assertNotNull(page.selectFirst("form#upload input[type=file]"), "the form is there to try again");
        }
        assertEquals(photosBefore, photoCount(), "nothing refused was saved");
        Connection.Response thumbnail = get(photoUrl(cameraPhotoId, "thumbnail"));
        assertEquals(200, thumbnail.statusCode(), "earlier photos are untouched");
        assertEquals("image/jpeg", thumbnail.contentType());
        assertEquals(VariantSize.THUMBNAIL.width(), ImageIO.read(new ByteArrayInputStream(thumbnail.bodyAsBytes())).getWidth());
    }

    @Test
    @Order(5)
    @RunAsClient
    void detailsAreEditedAndFoundBySearch() throws IOException {
        Document edit = get("/admin/media/edit?id=" + cameraPhotoId).parse();
        Document again = submit(edit, "photo:save", "x".repeat(501), "Caption", "Credit").parse();
        assertEquals("Please keep the alt text under 500 characters.", again.selectFirst("[id=photo:altText] ~ .field-error").text());
        assertEquals("Caption", again.selectFirst("[id=photo:caption]").text(), "what was typed is kept");
        Connection.Response saved = submit(again, "photo:save", "Stalls of the Shorja market <b>at dusk</b>",
                "Shoppers in Baghdad’s Shorja market.", "AP Photo/Hadi Mizban");
        assertEquals(302, saved.statusCode());
        Document library = get(saved.header("Location")).parse();
        assertTrue(library.selectFirst(".flash").text().contains("Saved the details of " + CAMERA_FILE));
        assertEquals("AP Photo/Hadi Mizban", TestDatabase.single("select default_credit from photo where id = ?", cameraPhotoId));

        Document found = get("/admin/media/?q=hadi+mizban").parse();
        List<String> names = found.select(".media-tile .media-name").eachText();
        assertTrue(names.contains(CAMERA_FILE), names.toString());
        Element tile = found.select(".media-tile").stream().filter(t -> t.text().contains(CAMERA_FILE)).findFirst().orElseThrow();
        assertEquals("Stalls of the Shorja market <b>at dusk</b>", tile.selectFirst("img").attr("alt"), "shown as typed, never as markup");
        assertTrue(found.select(".media-tile b").isEmpty());
        assertTrue(get("/admin/media/?q=no+such+photo+anywhere").parse().text().contains("No photo matches that search."));
        // Typed % and _ are searched for as such: as LIKE wildcards, % would match every photo and
        // 4000_3000 the 4000x3000 camera photo.
        for (String typed : List.of("%", "4000_3000")) {
            Document page = get("/admin/media/?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)).parse();
            String count = page.selectFirst(".media-count").text();
            assertTrue(count.startsWith("0 photos matching “" + typed + "”"), count);
            assertTrue(page.text().contains("No photo matches that search."), typed + " finds nothing");
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void aPhotoInThePublishedDemoPostCannotBeDeleted() throws IOException {
        long demoPhoto = ((Number) TestDatabase.single("select min(e.photo_id) from excerpt e join post p on p.id = e.post_id"
                + " where p.slug = ?", SeedPage.SLUG)).longValue();
        Document edit = get("/admin/media/edit?id=" + demoPhoto).parse();
        assertTrue(edit.text().contains(SeedPage.HEADLINE), "the page says where the photo is used");

        Document unconfirmed = submit(edit, "photo:delete", null, null, null).parse();
        assertEquals("Tick “Yes, delete this photo” first.", unconfirmed.getElementById("photo:confirmDelete").parent()
                .selectFirst(".field-error").text());

        edit.selectFirst("[name=photo:confirmDelete]").attr("checked", "checked");
        Connection.Response refused = submit(edit, "photo:delete", null, null, null);
        assertEquals(200, refused.statusCode());
        assertEquals("This photo is in the published post “" + SeedPage.HEADLINE
                + "” and cannot be deleted. Replace it in that post first.", refused.parse().getElementById("photo:delete-message").text());
        assertEquals(1L, ((Number) TestDatabase.single("select count(*) from photo where id = ?", demoPhoto)).longValue());
        assertEquals(200, asReader(photoUrl(demoPhoto, "large")).statusCode(), "readers still see it");
    }

    @Test
    @Order(7)
    @RunAsClient
    void anUnusedPhotoIsDeletedWithItsFiles() throws IOException {
        List<String> keys = TestDatabase.query("select storage_key from photo where id = ? union all"
                + " select storage_key from photo_variant where photo_id = ?", cameraPhotoId, cameraPhotoId)
                .stream().map(row -> (String) row.get(0)).toList();
        assertEquals(4, keys.size());
        String thumbnail = photoUrl(cameraPhotoId, "thumbnail");
        Document edit = get("/admin/media/edit?id=" + cameraPhotoId).parse();
        edit.selectFirst("[name=photo:confirmDelete]").attr("checked", "checked");
        Connection.Response deleted = submit(edit, "photo:delete", null, null, null);
        assertEquals(302, deleted.statusCode());
        assertTrue(get(deleted.header("Location")).parse().selectFirst(".flash").text().contains("Deleted " + CAMERA_FILE));
        assertEquals(0L, ((Number) TestDatabase.single("select count(*) from photo where id = ?", cameraPhotoId)).longValue());
        for (String key : keys) {
            assertFalse(Files.exists(mediaDir().resolve(key)), key + " is gone from disk");
        }
        assertEquals(404, get(thumbnail).statusCode());
    }

    @Test
    @Order(8)
    @RunAsClient
    void aPhotoOnlyADraftShowsIsServedToStaffAlone() throws IOException {
        Connection.Response sent = upload("draft-only.jpg", TestImages.busyJpeg(1200, 900, 8), "image/jpeg");
        assertEquals(302, sent.statusCode());
        long id = Long.parseLong(sent.header("Location").replaceFirst(".*id=", ""));
        long draft = DeskFixtures.demoPostCopy("media-draft-only", "A draft with a photo of its own", null, "draft");
        TestDatabase.update("update excerpt set photo_id = ? where post_id = ?", id, draft);

        // The addresses the desk itself renders for it.
        Document edit = get("/admin/media/edit?id=" + id).parse();
        String medium = edit.selectFirst(".media-preview img").attr("src");
        String original = edit.select(".media-preview a").stream().filter(a -> a.text().equals("Original"))
                .findFirst().orElseThrow().attr("href");
        for (String address : List.of(medium, original, medium.replace("/medium", "/thumbnail"), medium.replace("/medium", "/large"))) {
            assertEquals(404, asReader(address).statusCode(), "a reader is not shown " + address);
            Connection.Response staff = get(address);
            assertEquals(200, staff.statusCode(), "staff are shown " + address);
            assertEquals("private,no-cache", staff.header("Cache-Control"), address);
        }

        String key = (String) TestDatabase.single("select public_key from photo where id = ?", id);
        assertTrue(key.matches("[0-9a-f]{32}"), key);
        assertEquals("/media/" + key + "/medium", medium);
        assertEquals("/media/" + key + "/original", original);
        assertEquals(404, asReader("/media/" + id + "/medium").statusCode(), "the row id is no address");
        assertEquals(404, get("/media/" + id + "/medium").statusCode(), "not for staff either");
        assertEquals(404, asReader("/media/" + key.toUpperCase() + "/medium").statusCode());
        String compose = get("/admin/posts/edit?id=" + draft).parse().selectFirst(".chosen-photo img").attr("src");
        assertEquals("/media/" + key + "/thumbnail", compose, "the compose page");
        List<String> preview = get("/admin/posts/preview?id=" + draft).parse().select(".excerpt-photo img").eachAttr("src");
        assertTrue(preview.contains("/media/" + key + "/large"), "the preview: " + preview);
        assertTrue(get("/admin/media/library").parse().select(".media-tile img").eachAttr("src")
                .contains("/media/" + key + "/thumbnail"), "the library");

        // Published, readers see it; unpublished again, they no longer do, whatever a cache kept.
        TestDatabase.update("update post set status = 'PUBLISHED', published_at = now() where id = ?", draft);
        Connection.Response published = asReader(medium);
        assertEquals(200, published.statusCode());
        assertEquals("public,max-age=86400,must-revalidate", published.header("Cache-Control"));
        assertEquals(404, asReader(original).statusCode(), "the original stays the newsroom's");
        TestDatabase.update("update post set status = 'UNPUBLISHED' where id = ?", draft);
        assertEquals(404, asReader(medium).statusCode());
        TestDatabase.update("update post set status = 'DRAFT', published_at = null where id = ?", draft);
    }

    @Test
    @Order(9)
    @RunAsClient
    void readersGetThePublishedPostsPhotosButNeverTheOriginals() throws IOException {
        long demoPhoto = ((Number) TestDatabase.single("select min(e.photo_id) from excerpt e join post p on p.id = e.post_id"
                + " where p.slug = ?", SeedPage.SLUG)).longValue();
        String key = (String) TestDatabase.single("select public_key from photo where id = ?", demoPhoto);
        Connection reader = Jsoup.newSession().ignoreContentType(true).ignoreHttpErrors(true);
        Document post = reader.newRequest(url("/post/" + SeedPage.SLUG)).get();
        List<String> photos = post.select(".excerpt-photo img").eachAttr("src");
        assertTrue(photos.contains("/media/" + key + "/large"), photos.toString());
        assertTrue(photos.stream().allMatch(src -> src.matches("/media/[0-9a-f]{32}/large")), photos.toString());
        List<String> cards = reader.newRequest(url("/")).get().select(".post-card img").eachAttr("src");
        assertTrue(cards.contains("/media/" + key + "/medium"), "the front page card: " + cards);

        for (String variant : List.of("thumbnail", "medium", "large")) {
            Connection.Response served = asReader("/media/" + key + "/" + variant);
            assertEquals(200, served.statusCode(), variant);
            assertEquals("public,max-age=86400,must-revalidate", served.header("Cache-Control"), variant);
            Connection.Response again = Jsoup.connect(url("/media/" + key + "/" + variant)).header("If-None-Match", served.header("ETag"))
                    .ignoreContentType(true).ignoreHttpErrors(true).execute();
            assertEquals(304, again.statusCode(), "a reader's browser that has it is told so");
        }
        assertEquals(404, asReader("/media/" + key + "/original").statusCode(), "the original is the newsroom's");
        assertEquals(404, asReader("/media/" + key).statusCode(), "no variant named means the original");
        Connection.Response staffOriginal = get("/media/" + key + "/original");
        assertEquals(200, staffOriginal.statusCode());
        assertEquals("private,no-cache", staffOriginal.header("Cache-Control"));
        assertEquals(404, asReader("/media/" + demoPhoto + "/large").statusCode(), "the row id is no address");
    }

    @Test
    @Order(10)
    @RunAsClient
    void theStoredOriginalCarriesNoPositionButTheCredit() throws IOException {
        byte[] camera = TestImages.withPrivateMetadata(TestImages.busyJpeg(800, 600, 10), 1);
        Connection.Response sent = upload("gps.jpg", camera, "image/jpeg");
        assertEquals(302, sent.statusCode());
        Document edit = get(sent.header("Location")).parse();
        String original = edit.select(".media-preview a").stream().filter(a -> a.text().equals("Original"))
                .findFirst().orElseThrow().attr("href");
        List<String> addresses = new java.util.ArrayList<>(List.of(original));
        addresses.addAll(edit.select(".media-preview a").stream().filter(a -> !a.text().equals("Original"))
                .map(a -> a.attr("href")).toList());
        assertEquals(4, addresses.size(), addresses.toString());
        for (String address : addresses) {
            byte[] served = get(address).bodyAsBytes();
            com.twelvemonkeys.imageio.metadata.Directory exif = TestImages.exif(served);
            assertNotNull(exif, address);
            assertEquals(null, exif.getEntryById(com.twelvemonkeys.imageio.metadata.tiff.TIFF.TAG_GPS_IFD), address + " has no position");
            assertFalse(TestImages.contains(served, TestImages.SECRET), address + " has no maker note, XMP or comment");
            assertEquals(TestImages.COPYRIGHT, exif.getEntryById(com.twelvemonkeys.imageio.metadata.tiff.TIFF.TAG_COPYRIGHT)
                    .getValueAsString(), address);
        }
    }

    /**
     * In the server: a photo stored before uploads were cleaned (its original on disk as the camera left
     * it, its row not marked) is cleaned by the sweep that runs after start-up, once: position, maker note,
     * XMP and comment gone; orientation, creator and copyright kept; the pixels' bytes untouched.
     */
    @Test
    @Order(11)
    void aPhotoStoredBeforeUploadsWereCleanedIsCleanedOnceInTheBackground() throws IOException {
        byte[] pixels = TestImages.busyJpeg(640, 480, 11);
        byte[] camera = TestImages.withPrivateMetadata(pixels, 6);
        String sha = org.newsdesk.media.ImageStore.sha256(camera);
        String key = sha.substring(0, 2) + "/" + sha + ".jpg";
        Path original = Files.createDirectories(mediaDir().resolve(sha.substring(0, 2))).resolve(sha + ".jpg");
        Files.write(original, camera);
        TestDatabase.update("insert into photo (public_key, storage_key, original_filename, mime_type, width, height, size_bytes,"
                + " sha256, uploaded_at) values (lower(hex(random_bytes(16))), ?, 'stored-long-ago.jpg', 'image/jpeg', 480, 640, ?,"
                + " ?, utc_timestamp())", key, camera.length, sha);
        long id = ((Number) TestDatabase.single("select id from photo where storage_key = ?", key)).longValue();
        assertEquals(0, ((Number) TestDatabase.single("select metadata_cleaned + 0 from photo where id = ?", id)).intValue());

        while (metadataSweep.cleanNextBatch() > 0) {
            // Until every photo not yet cleaned has been.
        }
        byte[] cleaned = Files.readAllBytes(original);
        com.twelvemonkeys.imageio.metadata.Directory exif = TestImages.exif(cleaned);
        assertNotNull(exif);
        assertEquals(null, exif.getEntryById(com.twelvemonkeys.imageio.metadata.tiff.TIFF.TAG_GPS_IFD), "no position");
        assertFalse(TestImages.contains(cleaned, TestImages.SECRET), "no maker note, XMP or comment");
        assertEquals(TestImages.COPYRIGHT, exif.getEntryById(com.twelvemonkeys.imageio.metadata.tiff.TIFF.TAG_COPYRIGHT).getValueAsString());
        assertEquals(TestImages.ARTIST, exif.getEntryById(com.twelvemonkeys.imageio.metadata.tiff.TIFF.TAG_ARTIST).getValueAsString());
        assertEquals(6, org.newsdesk.media.ExifOrientation.read(cleaned), "still turned upright when shown");
        assertTrue(Arrays.equals(Arrays.copyOfRange(pixels, pixels.length - 4000, pixels.length),
                Arrays.copyOfRange(cleaned, cleaned.length - 4000, cleaned.length)), "the compressed image is copied, not re-encoded");
        assertEquals(1, ((Number) TestDatabase.single("select metadata_cleaned + 0 from photo where id = ?", id)).intValue());
        assertEquals((long) cleaned.length, ((Number) TestDatabase.single("select size_bytes from photo where id = ?", id)).longValue());

        long modified = Files.getLastModifiedTime(original).toMillis();
        TestDatabase.update("update photo set metadata_cleaned = false where id = ?", id);
        metadataSweep.cleanNextBatch();
        assertTrue(Arrays.equals(cleaned, Files.readAllBytes(original)), "cleaning a clean photo changes nothing");
        assertEquals(modified, Files.getLastModifiedTime(original).toMillis(), "and does not even write it");
        TestDatabase.update("delete from photo where id = ?", id);
        Files.delete(original);
    }

    @Test
    @Order(90)
    @RunAsClient
    void aFullDiskRefusesTheUploadAtTheFieldAndLeavesNoPartOfItBehind() throws Exception {
        signIn();
        byte[] photo = TestImages.busyJpeg(2400, 1600, 90);
        String sha = org.newsdesk.media.ImageStore.sha256(photo);
        // The photo's files go to <media>/<first two hex digits of its hash>/: a tiny file system there is a
        // full disk for this upload only.
        Path directory = Files.createDirectories(Path.of(System.getenv("NEWSDESK_MEDIA_DIR"), sha.substring(0, 2)));
        org.junit.jupiter.api.Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "newsdesk-full-disk",
                directory.toString()) == 0, "mounting a small tmpfs needs root");
        long photosBefore = photoCount();
        try {
            // Room for the original, not for its variants too: the disk fills up half-way through the upload.
            long free = Files.getFileStore(directory).getUsableSpace();
            Files.write(directory.resolve("filler"), new byte[(int) Math.max(0, free - photo.length - 16_384)]);

            Connection.Response response = upload("full-disk.jpg", photo, "image/jpeg");
            assertEquals(200, response.statusCode(), "back to the form, not an error page");
            Element message = response.parse().getElementById("upload:file-message");
            assertNotNull(message, "the message is at the field");
            assertEquals("The photo library's disk is full, so this photo was not stored. Tell your administrator;"
                    + " nothing else was lost.", message.text());
            try (var left = Files.list(directory)) {
                assertEquals(List.of("filler"), left.map(p -> p.getFileName().toString()).toList(),
                        "no original or variant is left behind");
            }
            assertEquals(photosBefore, photoCount(), "and no photo row");
        } finally {
            run("umount", directory.toString());
        }
        Connection.Response again = upload("full-disk.jpg", photo, "image/jpeg");
        assertEquals(302, again.statusCode(), "with room again, the same upload is taken");
    }

    /**
     * In the server, where its temporary directory can be looked at: a photo of over 1 MB chosen on the
     * compose page is written by the container to a temporary file, which must go when the request ends,
     * whether the post was refused (no headline) or saved. Payara Micro left every one behind until a restart.
     */
    @Test
    @Order(95)
    void aPhotoChosenOnTheComposePageLeavesNoTemporaryFileBehind() throws IOException, InterruptedException {
        signIn();
        Path temporary = ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
        byte[] photo = TestImages.busyJpeg(3000, 2000, 95);
        assertTrue(photo.length > 1_048_576, "over the size the container keeps in memory: " + photo.length);
        for (String headline : new String[] {"", "A photo and nothing left behind"}) {
            FormElement form = (FormElement) get("/admin/posts/edit").parse().selectFirst("form#edit");
            form.selectFirst("[name=edit:headline]").val(headline);
            Set<String> notFields = new HashSet<>(
                    form.select("input[type=submit], button, input[type=file]").eachAttr("name"));
            Connection request = desk.newRequest(url(form.attr("action"))).method(Connection.Method.POST).followRedirects(false);
            for (Connection.KeyVal field : form.formData()) {
                if (!notFields.contains(field.key())) {
                    request.data(field.key(), field.value());
                }
            }
            Connection.Response sent = request.data("edit:excerpts:0:photoFile", "compose.jpg", new ByteArrayInputStream(photo), "image/jpeg")
                    .data("edit:save", "Save").execute();
            assertEquals(headline.isEmpty() ? 200 : 302, sent.statusCode(), "refused at the field, or saved: " + headline);
            // The whole answer read: the request has ended (jsoup hands back the status before the body has come).
            sent.body();
            List<String> left = List.of();
            for (int tries = 0; tries < 20; tries++) {
                try (var files = Files.list(temporary)) {
                    left = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("upload_")).toList();
                }
                if (left.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(List.of(), left,
                    "no upload's temporary file is left in " + temporary + " after a post " + (headline.isEmpty() ? "refused" : "saved"));
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private void signIn() throws IOException {
        desk = Jsoup.newSession().ignoreContentType(true).ignoreHttpErrors(true).maxBodySize(0).timeout(120_000);
        Document login = desk.newRequest(url("/login")).get();
        FormElement form = (FormElement) login.selectFirst("form#login");
        form.selectFirst("[name=login:username]").val("admin");
        form.selectFirst("[name=login:password]").val(System.getenv("NEWSDESK_ADMIN_PASSWORD"));
        Document signedIn = desk.newRequest(url(form.attr("action"))).data(form.formData()).post();
        assertNotNull(signedIn.selectFirst(".desk-user"), "signed in to the desk");
    }

    private Connection.Response upload(String filename, byte[] bytes, String contentType) throws IOException {
        Document library = get("/admin/media/").parse();
        FormElement form = (FormElement) library.selectFirst("form#upload");
        Connection request = desk.newRequest(url(form.attr("action"))).method(Connection.Method.POST).followRedirects(false);
        for (Element hidden : form.select("input[type=hidden]")) {
            request.data(hidden.attr("name"), hidden.val());
        }
        return request.data("upload:send", "Upload")
                .data("upload:file", filename, new ByteArrayInputStream(bytes), contentType)
                .execute();
    }

    private Connection.Response submit(Document page, String button, String altText, String caption, String credit)
            throws IOException {
        FormElement form = (FormElement) page.selectFirst("form#photo");
        if (altText != null) {
            form.selectFirst("[name=photo:altText]").text(altText);
            form.selectFirst("[name=photo:caption]").text(caption);
            form.selectFirst("[name=photo:credit]").val(credit);
        }
        Connection request = desk.newRequest(url(form.attr("action"))).method(Connection.Method.POST).followRedirects(false);
        for (Connection.KeyVal field : form.formData()) {
            if (!field.key().equals("photo:save") && !field.key().equals("photo:delete")) {
                request.data(field.key(), field.value());
            }
        }
        return request.data(button, "go").execute();
    }

    private Connection.Response get(String path) throws IOException {
        return desk.newRequest(url(path)).execute();
    }

    /** Someone who is not signed in. */
    private Connection.Response asReader(String path) throws IOException {
        return Jsoup.connect(url(path)).ignoreContentType(true).ignoreHttpErrors(true).execute();
    }

    /** The address a page renders for a photo's variant. */
    private static String photoUrl(long photoId, String variant) {
        return "/media/" + TestDatabase.single("select public_key from photo where id = ?", photoId) + "/" + variant;
    }

    private static long photoCount() {
        return ((Number) TestDatabase.single("select count(*) from photo")).longValue();
    }

    private static Path mediaDir() {
        return Path.of(System.getenv("NEWSDESK_MEDIA_DIR"));
    }

    private String url(String path) {
        if (path.startsWith("http")) {
            return path.replaceFirst("//[^/:]+", "//127.0.0.1");
        }
        return "http://127.0.0.1:" + base.getPort() + path;
    }
}
