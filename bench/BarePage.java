import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ceiling bench/read.sh measures Newsdesk against: Payara Micro answering every path with one file's bytes,
 * read into memory once, with nothing else in the application (no filters, no CDI beans, no Faces, no JPA).
 * Newsdesk's page cache can serve a page no faster than this. The file is named by the system property
 * {@code bare.page}.
 */
@WebServlet("/*")
public class BarePage extends HttpServlet {

    private byte[] page;

    @Override
    public void init() {
        try {
            page = Files.readAllBytes(Path.of(System.getProperty("bare.page")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
