package org.newsdesk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.SeedPage;
import org.newsdesk.platform.Dates;

/** The demo post's source file holds the seed page whole: every line of it, and nothing the page does not say. */
class DemoContentSeedTest {

    @Test
    void theDemoPostHoldsTheSeedPageAndNothingElse() throws Exception {
        JsonObject seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/demo-post.json"); var reader = Json.createReader(in)) {
            seed = reader.readObject();
        }
        List<String> texts = new ArrayList<>();
        texts.add(seed.getString("headline"));
        for (JsonObject excerpt : seed.getJsonArray("excerpts").getValuesAs(JsonObject.class)) {
            String credit = excerpt.getString("credit");
            String style = excerpt.isNull("creditStyle") ? "{credit}" : excerpt.getString("creditStyle");
            texts.add(excerpt.getString("caption") + " " + style.replace("{credit}", credit));
            texts.add(excerpt.getString("outlet") + " |");
            texts.add("Published " + Dates.dayIn(LocalDate.parse(excerpt.getString("publishedOn")), java.util.Locale.ENGLISH));
            if (!excerpt.isNull("dek")) {
                texts.add(excerpt.getString("dek"));
            }
            excerpt.getJsonArray("paragraphs").getValuesAs(JsonString::getString).forEach(texts::add);
            String host = java.net.URI.create(excerpt.getString("articleUrl")).getHost();
            texts.add("SOURCE: " + host);
            for (JsonObject link : excerpt.getJsonArray("related").getValuesAs(JsonObject.class)) {
                texts.add("RELATED: " + link.getString("title"));
            }
        }
        List<String> page = SeedPage.lines();
        List<String> pageChrome = List.of("READ FULL ARTICLE", "Be the first to comment", "Leave a Reply");
        for (String line : page) {
            assertTrue(texts.contains(line) || pageChrome.contains(line), "the demo post holds: " + line);
        }
        for (String text : texts) {
            assertTrue(page.contains(text), "the seed page says: " + text);
        }
        assertEquals(2, seed.getJsonArray("excerpts").size());
    }
}
