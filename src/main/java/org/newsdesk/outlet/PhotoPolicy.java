package org.newsdesk.outlet;

/** Whether an outlet lets us use its photos; stored by name in {@code outlet.photo_policy}. */
public enum PhotoPolicy {

    /** Its photos may be used, credited. */
    ALWAYS("Always"),
    /** Only with the licence the photo is used under noted on the excerpt ({@code photo_licence}). */
    WITH_LICENCE("Only with a licence noted"),
    /** Never: quote the words, not the pictures. */
    NEVER("Never");

    private final String label;

    PhotoPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** For the pages' EL, which reads properties. */
    public String getLabel() {
        return label;
    }
}
