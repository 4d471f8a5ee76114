package org.newsdesk.platform;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import jakarta.faces.render.RenderKit;
import jakarta.faces.render.RenderKitFactory;
import jakarta.faces.render.RenderKitWrapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Set;

/**
 * Every field with a message says so to assistive technology: an {@code input}, {@code textarea} or {@code select}
 * whose client id has a Faces message is written with {@code aria-invalid="true"} and {@code aria-describedby}
 * naming its message ({@code <h:message id="NAME-message">}, which the desk's {@code nd:field} and the comment form
 * give each field), joined to a description it already had. Done as the page is written, so it holds for a field
 * repeated in a list (each row its own id) and for a part of a page redrawn by Faces Ajax. Registered in
 * {@code faces-config.xml} as the render kit factory.
 */
public class InvalidFieldsRenderKitFactory extends RenderKitFactory {

    public InvalidFieldsRenderKitFactory(RenderKitFactory wrapped) {
        super(wrapped);
    }

    @Override
    public void addRenderKit(String renderKitId, RenderKit renderKit) {
        getWrapped().addRenderKit(renderKitId, renderKit);
    }

    @Override
    public RenderKit getRenderKit(FacesContext context, String renderKitId) {
        RenderKit kit = getWrapped().getRenderKit(context, renderKitId);
        return kit == null || !HTML_BASIC_RENDER_KIT.equals(renderKitId) ? kit : new Kit(kit);
    }

    @Override
    public Iterator<String> getRenderKitIds() {
        return getWrapped().getRenderKitIds();
    }

    private static final class Kit extends RenderKitWrapper {

        Kit(RenderKit wrapped) {
            super(wrapped);
        }

        @Override
        public ResponseWriter createResponseWriter(Writer writer, String contentTypeList, String characterEncoding) {
            return new MarkingWriter(getWrapped().createResponseWriter(writer, contentTypeList, characterEncoding));
        }
    }

    /** Adds the two attributes to the start tag of a field in error, before the tag closes. */
    static final class MarkingWriter extends ResponseWriterWrapper {

        private static final Set<String> FIELDS = Set.of("input", "textarea", "select");

        private String element;
        /** The message id still to be named by the open start tag, or null. */
        private String pendingMessage;
        private boolean invalidWritten;
        /** A hidden input is no field a person reaches: it gets no ARIA state. */
        private boolean hidden;

        MarkingWriter(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void startElement(String name, jakarta.faces.component.UIComponent component) throws IOException {
            flush(true);
            element = name;
            hidden = false;
            super.startElement(name, component);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            if (pendingMessage != null && "aria-describedby".equals(name)) {
                super.writeAttribute(name, value == null ? pendingMessage : value + " " + pendingMessage, property);
                pendingMessage = "";
                return;
            }
            if (pendingMessage != null && "aria-invalid".equals(name)) {
                invalidWritten = true;
            }
            if ("type".equals(name) && "hidden".equals(String.valueOf(value))) {
                hidden = true;
            }
            super.writeAttribute(name, value, property);
            if ("id".equals(name) && value != null && element != null && FIELDS.contains(element)) {
                FacesContext faces = FacesContext.getCurrentInstance();
                String id = value.toString();
                if (faces != null && !faces.getMessageList(id).isEmpty()) {
                    pendingMessage = id + "-message";
                    invalidWritten = false;
                }
            }
        }

        /** Writes what is pending into the start tag, which is still open. */
        private void flush(boolean startTagStillOpen) throws IOException {
            if (pendingMessage == null) {
                return;
            }
            String message = pendingMessage;
            pendingMessage = null;
            if (startTagStillOpen && !hidden) {
                if (!invalidWritten) {
                    super.writeAttribute("aria-invalid", "true", null);
                }
                if (!message.isEmpty()) {
                    super.writeAttribute("aria-describedby", message, null);
                }
            }
        }

        @Override
        public void endElement(String name) throws IOException {
            flush(true);
            super.endElement(name);
        }

        @Override
        public void writeText(Object text, String property) throws IOException {
            flush(true);
            super.writeText(text, property);
        }

        @Override
        public void writeText(char[] text, int off, int len) throws IOException {
            flush(true);
            super.writeText(text, off, len);
        }

        @Override
        public void writeText(Object text, jakarta.faces.component.UIComponent component, String property) throws IOException {
            flush(true);
            super.writeText(text, component, property);
        }

        @Override
        public void writeComment(Object comment) throws IOException {
            flush(true);
            super.writeComment(comment);
        }

        @Override
        public void write(char[] buffer, int off, int len) throws IOException {
            flush(true);
            super.write(buffer, off, len);
        }

        @Override
        public void write(String text) throws IOException {
            flush(true);
            super.write(text);
        }

        @Override
        public void write(int c) throws IOException {
            flush(true);
            super.write(c);
        }

        @Override
        public ResponseWriter cloneWithWriter(Writer writer) {
            return new MarkingWriter(getWrapped().cloneWithWriter(writer));
        }
    }
}
