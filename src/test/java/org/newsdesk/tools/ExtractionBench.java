package org.newsdesk.tools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.zip.GZIPInputStream;
import org.newsdesk.source.ArticleReader;
import org.newsdesk.source.SourceArticle;
import org.newsdesk.source.SourcePage;

/**
 * The article-extraction benchmark's runner: reads every {@code DIR/html/<id>.html.gz} with the page's address
 * from {@code DIR/ground-truth.json}, the way import from a URL reads a fetched page ({@link ArticleReader#read(SourcePage)}),
 * and writes {@code DIR/output/newsdesk.json} ({@code {id: {"articleBody": ...}}}) for the benchmark's scorer.
 * With {@code --libraries}, the Java extractors tried beside it (Readability4J, boilerpipe) write their own files,
 * when their jars are on the class path (Maven profile {@code bench-libraries}).
 *
 * <pre>
 * java -cp ... org.newsdesk.tools.ExtractionBench ../shared/extraction-benchmark-copy [--libraries]
 * </pre>
 */
public final class ExtractionBench {

    private ExtractionBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean libraries = List.of(args).contains("--libraries");
        JsonObject truth;
        try (Reader in = Files.newBufferedReader(dir.resolve("ground-truth.json"), StandardCharsets.UTF_8);
             JsonReader reader = Json.createReader(in)) {
            truth = reader.readObject();
        }
        Map<String, BiFunction<String, String, String>> extractors = new TreeMap<>();
        extractors.put("newsdesk", ExtractionBench::newsdesk);
        if (libraries) {
            extractors.put("newsdesk-readability4j", ExtractionBench::readability4j);
            extractors.put("newsdesk-boilerpipe", ExtractionBench::boilerpipe);
        }
        Files.createDirectories(dir.resolve("output"));
        for (Map.Entry<String, BiFunction<String, String, String>> extractor : extractors.entrySet()) {
            JsonObjectBuilder output = Json.createObjectBuilder();
            long started = System.nanoTime();
            int pages = 0;
            for (String id : truth.keySet()) {
                Path file = dir.resolve("html").resolve(id + ".html.gz");
                if (!Files.exists(file)) {
                    continue;
                }
                String html = gunzip(file);
                String body;
                try {
                    body = extractor.getValue().apply(html, truth.getJsonObject(id).getString("url", "https://example.com/"));
                } catch (RuntimeException e) {
                    System.err.println(extractor.getKey() + " failed on " + id + ": " + e);
                    body = "";
                }
                output.add(id, Json.createObjectBuilder().add("articleBody", body == null ? "" : body));
                pages++;
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
            try (Writer out = Files.newBufferedWriter(dir.resolve("output").resolve(extractor.getKey() + ".json"), StandardCharsets.UTF_8);
                 JsonWriter writer = writers.createWriter(out)) {
                writer.writeObject(output.build());
            }
            System.out.printf("%-24s %3d pages in %5d ms (%.1f ms a page)%n", extractor.getKey(), pages, millis,
                    pages == 0 ? 0.0 : (double) millis / pages);
        }
    }

    /** What import reads: the article's text blocks, as the compose page's reader returns them. */
    static String newsdesk(String html, String url) {
        SourcePage page = new SourcePage(URI.create(url), List.of(), 200, "text/html", StandardCharsets.UTF_8,
                html.getBytes(StandardCharsets.UTF_8), null, null, Duration.ZERO);
        SourceArticle article = ArticleReader.read(page);
        return String.join("\n\n", article.text());
    }

    private static String readability4j(String html, String url) {
        try {
            Object readability = Class.forName("net.dankito.readability4j.Readability4J")
                    .getConstructor(String.class, String.class).newInstance(url, html);
            Object article = readability.getClass().getMethod("parse").invoke(readability);
            Object text = article.getClass().getMethod("getTextContent").invoke(article);
            return text == null ? "" : text.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Readability4J is not on the class path (-Pbench-libraries)", e);
        }
    }

    private static String boilerpipe(String html, String url) {
        try {
            Class<?> extractor = Class.forName("de.l3s.boilerpipe.extractors.ArticleExtractor");
            Object instance = extractor.getField("INSTANCE").get(null);
            Method getText = extractor.getMethod("getText", String.class);
            return (String) getText.invoke(instance, html);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("boilerpipe is not on the class path (-Pbench-libraries)", e);
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
