package org.newsdesk.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

/** What a log line or a page needs to know of an exception, without its stack. */
public final class Faults {

    private Faults() {
    }

    /** The innermost cause, as its class's simple name and the first line of its message. */
    public static String firstLine(Throwable thrown) {
        Throwable root = root(thrown);
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end).strip();
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * Whether the database could not be reached: a connection refused, lost or not to be had from the pool,
     * rather than a statement it refused. Recognised anywhere in the chain of causes.
     */
    public static boolean databaseUnreachable(Throwable thrown) {
        return causes(thrown).anyMatch(Faults::connectionLost);
    }

    private static boolean connectionLost(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true;
        }
        String name = t.getClass().getName();
        if (name.endsWith("CommunicationsException") || name.endsWith("ResourceAllocationException")
                || name.endsWith("PoolingException")) {
            return true;
        }
        String message = t.getMessage();
        return message != null && message.startsWith("Error in allocating a connection");
    }

    /**
     * The exception and its causes, outermost first (a cause that is its own cause ends the chain), for questions
     * about the whole chain; for the first cause of one type, OmniFaces' {@code Exceptions.extract}.
     */
    public static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** One line, repeats summarised with the outage's other lines, for a save the database was not there for. */
    public static void logUnsaved(String what, Throwable thrown) {
        ServiceGate.OUTAGE.log(java.util.logging.Logger.getLogger(Faults.class.getName()), "Could not save " + what
                + ": database at " + NewsdeskDataSource.address() + " not reachable (" + firstLine(thrown)
                + "); the page kept what was typed");
    }

    private static Throwable root(Throwable thrown) {
        return causes(thrown).reduce((outer, inner) -> inner).orElse(thrown);
    }
}
