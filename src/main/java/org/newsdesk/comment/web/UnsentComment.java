package org.newsdesk.comment.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What a reader wrote in a comment or report form that reached no post (it was deleted or unpublished
 * while they wrote, or never existed), for the error page to give back: nothing typed is lost.
 *
 * <pre>
 * &lt;ui:include src="/WEB-INF/includes/unsent-comment.xhtml"/&gt;
 * </pre>
 */
@Named("unsentComment")
@RequestScoped
public class UnsentComment {

    @Inject
    private HttpServletRequest request;

    /** The comment's text, or the report's details, if this request sent one; otherwise null. */
    public String getText() {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String comment = request.getParameter(CommentFormBacking.FORM_ID + ":body");
        String text = comment != null ? comment : request.getParameter("details");
        return text == null || text.isBlank() ? null : text;
    }
}
