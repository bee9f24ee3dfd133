package com.gridpivot.reports;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The PDF renderer's messages in the service's log (java.util.logging, its categories under {@code com.openhtmltopdf}),
 * warnings and worse only: its own logger prints every page's progress to the console at INFO.
 */
final class PdfLog implements XRLogger {
    @Override
    public void log(String where, Level level, String msg) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            Logger.getLogger(where).log(level, msg);
        }
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            Logger.getLogger(where).log(level, msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        Logger.getLogger(logger).setLevel(level);
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}
