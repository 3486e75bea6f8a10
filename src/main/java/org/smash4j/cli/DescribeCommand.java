package org.smash4j.cli;

import org.smash4j.space.ArchitectureDescription;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.Architecture;
import org.smash4j.space.NormStyle;
import org.smash4j.space.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code smash describe}: an op-by-op summary of an architecture with exact parameter and FLOP counts. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Print an op-by-op summary of the architecture(s) in FILE with the exact parameter count and "
                + "multiply-accumulates of its stand-alone network.",
                "FILE holds an architecture document {\"space\":..., \"architecture\":...}, a bare architecture "
                        + "(its search space then comes from --preset), or a JSON array of architectures as "
                        + "printed by `smash sample`."})
final class DescribeCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Architecture JSON file.")
    Path file;

    @Mixin
    SpaceOptions space;

    @Option(names = "--norm", defaultValue = "sandwich", paramLabel = "STYLE",
            description = "Norm style of the stand-alone network: sandwich, full or weight_norm. Default: ${DEFAULT-VALUE}.")
    String norm;

    @Override
    public Integer call() throws IOException {
        NormStyle style = parseNorm(norm);
        String text = StrictJson.readText(file);
        if (text.stripLeading().startsWith("[")) {
            List<Architecture> archs = ArchitectureJson.readArchitectures(text);
            if (archs.isEmpty()) {
                throw new IllegalArgumentException(file + ": holds an empty array; there is nothing to describe");
            }
            for (int i = 0; i < archs.size(); i++) {
                ArchitectureValidator.validate(archs.get(i), space.config());
                System.out.printf(Locale.ROOT, "== architecture %d of %d%n", i + 1, archs.size());
                System.out.println(ArchitectureDescription.describe(archs.get(i), space.config(), style));
            }
        } else {
            ArchitectureDocument doc = ArchitectureJson.readDocumentOrArchitecture(text, space.config());
            ArchitectureValidator.validate(doc.architecture(), doc.space());
            System.out.println(ArchitectureDescription.describe(doc, style));
        }
        return 0;
    }

    static NormStyle parseNorm(String s) {
        try {
            return NormStyle.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown norm style '" + s + "'; use sandwich, full or weight_norm");
        }
    }
}
