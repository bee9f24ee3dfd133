package com.gridpivot.reports;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** XHTML (with inline SVG charts) laid out as a PDF. */
public final class PdfReport {
    static {
        XRLog.setLoggerImpl(new PdfLog());
    }

    private PdfReport() {
    }

    /** The PDF of a well-formed XHTML document; uses only the standard PDF fonts (no font files are read). */
    public static byte[] write(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
        return out.toByteArray();
    }
}
