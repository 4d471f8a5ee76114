package org.newsdesk.account.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.newsdesk.account.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Which role reaches which desk area is declared once, in {@link DeskArea}. The container enforces
 * {@code web.xml}'s constraints before any page runs, so they must say the same: this fails when they disagree,
 * and when a desk page lists an area by hand instead of from the declaration.
 */
class DeskAreaTest {

    private static final Path WEB_XML = Path.of("webapp/WEB-INF/web.xml");

    @Test
    void webXmlGuardsEachAreaWithTheRolesDeclaredForIt() throws Exception {
        Map<String, Set<String>> constrained = constraints();
        Map<String, Set<String>> declared = new TreeMap<>();
        for (DeskArea area : DeskArea.values()) {
            declared.put(area.getPath() + "*", area.getRoles().stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)));
        }
        Set<String> everyStaffRole = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(everyStaffRole, constrained.remove("/admin/*"), "the whole desk is for staff, every role");
        assertEquals(everyStaffRole, EnumSet.allOf(Role.class).stream().map(Role::name)
                .filter(role -> Arrays.stream(DeskArea.values()).anyMatch(a -> a.getRoles().contains(Role.valueOf(role))))
                .collect(Collectors.toCollection(TreeSet::new)), "every role has an area");
        assertEquals(declared, new TreeMap<>(constrained), "web.xml and DeskArea disagree");
    }

    @Test
    void theDesksMenuAndFrontPageListTheAreasFromTheDeclaration() throws Exception {
        for (String page : new String[] {"webapp/WEB-INF/templates/admin.xhtml", "webapp/admin/index.xhtml"}) {
            String xhtml = Files.readString(Path.of(page));
            assertTrue(xhtml.contains("value=\"#{desk.areas}\""), page + " lists desk.areas");
            for (DeskArea area : DeskArea.values()) {
                assertTrue(!xhtml.contains(area.getPath() + "\""), page + " links " + area.getPath() + " by hand");
            }
        }
    }

    /** web.xml's security constraints: URL pattern to the roles allowed. */
    private static Map<String, Set<String>> constraints() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(WEB_XML.toFile());
        Map<String, Set<String>> result = new LinkedHashMap<>();
        NodeList found = xml.getElementsByTagNameNS("*", "security-constraint");
        for (int i = 0; i < found.getLength(); i++) {
            Element constraint = (Element) found.item(i);
            Set<String> roles = new TreeSet<>();
            NodeList names = constraint.getElementsByTagNameNS("*", "role-name");
            for (int r = 0; r < names.getLength(); r++) {
                roles.add(names.item(r).getTextContent().strip());
            }
            NodeList patterns = constraint.getElementsByTagNameNS("*", "url-pattern");
            for (int p = 0; p < patterns.getLength(); p++) {
                result.put(patterns.item(p).getTextContent().strip(), roles);
            }
        }
        return result;
    }
}
