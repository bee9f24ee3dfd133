package com.gridpivot.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Apache POI logs through the Log4j API. Without a Log4j provider on the class path, the first XLSX export printed
 * "ERROR StatusLogger Log4j API could not find a logging provider" and POI's messages went nowhere. The Log4j API is
 * bound to the JBoss log manager (the service's log manager). The warning appears once per JVM, at the first Log4j
 * logger, so the export runs in a fresh JVM with the service's log manager and its whole output is read.
 */
class XlsxLoggingTest {

    /** Run in the child JVM: one XLSX export, then one message through the Log4j API under POI's logger names. */
    public static final class ExportOnce {
        public static void main(String[] args) {
            // what the service's log handlers would see: every record that reaches the log manager's root logger
            java.util.logging.Logger.getLogger("").addHandler(new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord r) {
                    System.out.println("log record " + r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            byte[] xlsx = XlsxReport.write(List.of(new ReportTable("t", "Table",
                    List.of(new ReportTable.Column("power", "MW", ReportTable.Format.DECIMAL)),
                    List.of(List.<Object>of(12.5)))));
            System.out.println("xlsx bytes " + xlsx.length);
            org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.test").warn("poi-routed-marker");
            System.out.println("log4j context " + org.apache.logging.log4j.LogManager.getContext(false).getClass().getName());
        }
    }

    private static String runChild() throws Exception {
        List<String> cmd = List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), ExportOnce.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void anXlsxExportLogsNoMissingProviderErrorAndPoiLogsReachTheJbossLogManager() throws Exception {
        String out = runChild();
        assertThat(out).contains("xlsx bytes ");
        assertThat(out).doesNotContain("could not find a logging provider").doesNotContain("StatusLogger");
        assertThat(out).contains("log4j context org.jboss.logmanager");
        // a message POI logs reaches the log manager's handlers with its level and logger name
        assertThat(out).contains("log record WARN org.apache.poi.test poi-routed-marker");
    }
}
