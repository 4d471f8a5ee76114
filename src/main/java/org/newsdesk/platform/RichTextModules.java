package org.newsdesk.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * The import map that lets the compose page's editor ({@code resources/js/rich-text.js}) import ProseMirror's
 * modules by name from the webjars shipped in the application, and the hash the content security policy
 * allows it by. Addresses are relative to the compose page ({@code /admin/posts/edit}), so the map, and
 * its hash, are the same under any context path.
 */
@Named("richText")
@ApplicationScoped
public class RichTextModules {

    /** Each module the editor imports, and its entry file inside its webjar. */
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        for (String module : new String[] {"prosemirror-model", "prosemirror-state", "prosemirror-view", "prosemirror-transform",
                "prosemirror-commands", "prosemirror-keymap", "prosemirror-history", "orderedmap", "rope-sequence"}) {
            MODULES.put(module, "dist/index.js");
        }
        MODULES.put("w3c-keyname", "index.js");
    }

    public static final String IMPORT_MAP = importMap();

    /** {@code 'sha256-…'}, for the script-src of the content security policy. */
    public static final String IMPORT_MAP_HASH = "'sha256-" + sha256(IMPORT_MAP) + "'";

    private static String importMap() {
        WebJarVersionLocator locator = new WebJarVersionLocator();
        JsonObjectBuilder imports = Json.createObjectBuilder();
        MODULES.forEach((module, entry) -> {
            String version = locator.version(module);
            if (version == null) {
                throw new IllegalStateException("The webjar " + module + " is missing from the application");
            }
            imports.add(module, "../../webjars/" + module + "/" + version + "/" + entry);
        });
        return Json.createObjectBuilder().add("imports", imports).build().toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getImportMap() {
        return IMPORT_MAP;
    }
}
