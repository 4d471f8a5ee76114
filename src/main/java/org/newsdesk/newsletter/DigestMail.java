package org.newsdesk.newsletter;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.newsdesk.platform.HtmlText;
import org.newsdesk.platform.Texts;

/**
 * A digest (or a breaking-news mail) as a subscriber gets it: a subject, a plain-text part and an HTML part laid out
 * for mail programs (tables and inline styles, no script, no tracking, no rewritten link; right to left for a
 * right-to-left language), in the subscriber's language, each post with its headline, the outlets it quotes, the
 * first excerpt's dek and photo with its credit, and a link; at the foot why it came and how to leave.
 */
public final class DigestMail {

    /** One post in a digest. {@code photoUrl} and the rest may be null. */
    public record Item(long postId, Long sectionId, String headline, String url, String dek, List<String> outlets,
                       String photoUrl, String photoAlt, String credit) implements Serializable {
    }

    /**
     * The site as the mail's head shows it: its name, its logo (an address on the site, "/media/…", or whole; null
     * for none) and its address.
     */
    public record Masthead(String name, String logo, String url) {

        /** The logo's whole address, as a mail program needs it. */
        String logoUrl() {
            return logo == null || logo.isBlank() ? null : logo.startsWith("/") ? url + logo : logo;
        }
    }

    /** What to send: subject and the two parts. */
    public record Rendered(String subject, String text, String html) {
    }

    private DigestMail() {
    }

    public static Rendered render(NewsletterSend.Kind kind, List<Item> items, Locale language, Masthead site,
                                  String day, String manageUrl, String unsubscribeUrl) {
        String siteName = site.name();
        Texts words = Texts.of(Texts.Family.SITE, language);
        boolean breaking = kind == NewsletterSend.Kind.BREAKING;
        String subject = breaking ? words.format("digest.breakingSubject", siteName, items.get(0).headline())
                : words.format("digest.subject", siteName, day);
        String heading = breaking ? words.text("digest.breaking") : words.format("digest.heading", siteName);
        String count = breaking ? "" : words.format("digest.count", items.size());
        return new Rendered(subject, text(words, heading, count, items, siteName, manageUrl, unsubscribeUrl),
                html(words, language, heading, count, items, site, manageUrl, unsubscribeUrl));
    }

    private static String text(Texts words, String heading, String count, List<Item> items, String siteName, String manageUrl,
                               String unsubscribeUrl) {
        StringBuilder text = new StringBuilder(heading).append('\n');
        if (!count.isEmpty()) {
            text.append(count).append('\n');
        }
        for (Item item : items) {
            text.append("\n").append(item.headline()).append('\n');
            if (!item.outlets().isEmpty()) {
                text.append(words.format("digest.from", words.join(item.outlets()))).append('\n');
            }
            if (item.dek() != null && !item.dek().isBlank()) {
                text.append(item.dek()).append('\n');
            }
            text.append(item.url()).append('\n');
        }
        return text.append("\n-- \n").append(words.format("digest.why", siteName)).append('\n')
                .append(words.text("digest.manage")).append(": ").append(manageUrl).append('\n')
                .append(words.text("digest.unsubscribe")).append(": ").append(unsubscribeUrl).append('\n').toString();
    }

    private static String html(Texts words, Locale language, String heading, String count, List<Item> items, Masthead site,
                               String manageUrl, String unsubscribeUrl) {
        String siteName = site.name();
        String siteUrl = site.url();
        String logo = site.logoUrl();
        String dir = Texts.isRightToLeft(language) ? "rtl" : "ltr";
        String align = "rtl".equals(dir) ? "right" : "left";
        String font = "font-family:Georgia,'Times New Roman',serif;";
        String sans = "font-family:'Helvetica Neue',Arial,sans-serif;";
        StringBuilder html = new StringBuilder(4_096)
                .append("<!DOCTYPE html><html lang=\"").append(e(language.toLanguageTag())).append("\" dir=\"").append(dir).append("\">")
                .append("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">")
                .append("<title>").append(e(heading)).append("</title></head>")
                .append("<body style=\"margin:0;padding:0;background:#f3f3f1;\">")
                .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" dir=\"").append(dir)
                .append("\" style=\"background:#f3f3f1;\"><tr><td align=\"center\" style=\"padding:16px 8px;\">")
                .append("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;width:100%;")
                .append("background:#ffffff;color:#1a1a1a;text-align:").append(align).append(";\">")
                .append("<tr><td style=\"padding:20px 24px;border-bottom:3px solid #1a1a1a;").append(font).append("\">")
                .append("<a href=\"").append(e(siteUrl)).append("/\" style=\"color:#1a1a1a;text-decoration:none;font-size:26px;font-weight:bold;\" dir=\"auto\">")
                .append(logo == null ? "" : "<img src=\"" + e(logo) + "\" height=\"40\" alt=\"\" style=\"height:40px;width:auto;border:0;"
                        + "vertical-align:middle;margin:0 8px;\">")
                .append(e(siteName)).append("</a>")
                .append("<div style=\"").append(sans).append("font-size:14px;color:#555555;padding-top:6px;\">").append(e(heading))
                .append(count.isEmpty() ? "" : " · " + e(count)).append("</div></td></tr>");
        for (Item item : items) {
            html.append("<tr><td style=\"padding:20px 24px;border-bottom:1px solid #dddddd;\">");
            if (item.photoUrl() != null) {
                html.append("<a href=\"").append(e(item.url())).append("\"><img src=\"").append(e(item.photoUrl()))
                        .append("\" width=\"552\" alt=\"").append(e(item.photoAlt() == null ? "" : item.photoAlt()))
                        .append("\" style=\"display:block;width:100%;max-width:552px;height:auto;border:0;\"></a>");
                if (item.credit() != null && !item.credit().isBlank()) {
                    html.append("<div style=\"").append(sans).append("font-size:11px;color:#666666;padding:4px 0 10px;\" dir=\"auto\">")
                            .append(e(item.credit())).append("</div>");
                }
            }
            html.append("<h2 style=\"margin:0 0 6px;").append(font).append("font-size:21px;line-height:1.3;\" dir=\"auto\"><a href=\"")
                    .append(e(item.url())).append("\" style=\"color:#1a1a1a;text-decoration:none;\">").append(e(item.headline())).append("</a></h2>");
            if (!item.outlets().isEmpty()) {
                html.append("<div style=\"").append(sans).append("font-size:12px;font-weight:bold;letter-spacing:.04em;color:#9b1c1c;"
                        + "text-transform:uppercase;padding-bottom:6px;\">").append(e(words.format("digest.from", words.join(item.outlets()))))
                        .append("</div>");
            }
            if (item.dek() != null && !item.dek().isBlank()) {
                html.append("<p style=\"margin:0 0 8px;").append(font).append("font-size:16px;line-height:1.5;color:#333333;\" dir=\"auto\">")
                        .append(e(item.dek())).append("</p>");
            }
            html.append("<a href=\"").append(e(item.url())).append("\" style=\"").append(sans)
                    .append("font-size:14px;color:#0b5cad;\">").append(e(words.text("digest.read"))).append("</a></td></tr>");
        }
        return html.append("<tr><td style=\"padding:18px 24px;").append(sans).append("font-size:12px;color:#666666;\">")
                .append(e(words.format("digest.why", siteName))).append("<br><a href=\"").append(e(manageUrl))
                .append("\" style=\"color:#0b5cad;\">").append(e(words.text("digest.manage"))).append("</a> · <a href=\"")
                .append(e(unsubscribeUrl)).append("\" style=\"color:#0b5cad;\">").append(e(words.text("digest.unsubscribe")))
                .append("</a></td></tr></table></td></tr></table></body></html>").toString();
    }

    private static String e(String text) {
        return HtmlText.escape(text);
    }
}
