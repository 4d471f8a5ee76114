package org.newsdesk.platform;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.event.ActionListener;

/**
 * One button's action per request. A browser sends the button that was pressed; a forged form can send
 * several (a scanner does), and Faces then runs each one's action in turn: the compose page's Save and
 * Publish now, or a comment's Approve and Spam, each saved and redirected, and the second redirect, on an
 * answer already sent, failed with a 500. Once an action has answered (a redirect completes the response),
 * the actions after it are not run. Registered in {@code faces-config.xml} around Faces' own listener.
 */
public class OneActionPerRequest implements ActionListener {

    private final ActionListener wrapped;

    public OneActionPerRequest(ActionListener wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public void processAction(ActionEvent event) throws AbortProcessingException {
        if (FacesContext.getCurrentInstance().getResponseComplete()) {
            return;
        }
        wrapped.processAction(event);
    }
}
