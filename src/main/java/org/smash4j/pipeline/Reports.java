package org.smash4j.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/** The report stage; delegates to the report package. */
final class Reports {
    private Reports() {
    }

    static Path write(Path runDir) throws IOException {
        return org.smash4j.report.ReportWriter.write(runDir);
    }
}
