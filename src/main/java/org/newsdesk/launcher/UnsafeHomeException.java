package org.newsdesk.launcher;

import java.nio.file.Path;

/** {@code NEWSDESK_HOME} is somewhere the embedded database would delete what it keeps. */
final class UnsafeHomeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsafeHomeException(Path home, Path temporaryDirectory) {
        super("NEWSDESK_HOME (" + home + ") is inside the system's temporary directory (" + temporaryDirectory
                + "), where the embedded database deletes its data each time it starts: set NEWSDESK_HOME to a directory"
                + " outside " + temporaryDirectory + " (the default is ~/.newsdesk).");
    }

    /** The same refusal, passed on from the class loader that started the database. */
    UnsafeHomeException(String message) {
        super(message);
    }
}
