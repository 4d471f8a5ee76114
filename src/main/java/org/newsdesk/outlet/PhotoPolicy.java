package org.newsdesk.outlet;

/**
 * Whether an outlet lets us use its photos; stored by name in {@code outlet.photo_policy}, named on the desk by
 * the words {@code photoPolicy.ALWAYS} ...
 */
public enum PhotoPolicy {

    /** Its photos may be used, credited. */
    ALWAYS,
    /** Only with the licence the photo is used under noted on the excerpt ({@code photo_licence}). */
    WITH_LICENCE,
    /** Never: quote the words, not the pictures. */
    NEVER
}
