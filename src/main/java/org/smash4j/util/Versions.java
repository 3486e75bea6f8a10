package org.smash4j.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions a result was produced with (smash4j, DJL, libtorch, Java, OS), recorded in every run folder
 * and printed by {@code --version}. The engine is queried lazily because loading libtorch takes a second.
 */
public final class Versions {
    private Versions() {
    }

    /** This build's version from the jar manifest ("dev" when run from classes). */
    public static String smash4j() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Every version, loading the deep-learning engine if it is not loaded yet. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("smash4j", smash4j());
        m.put("djl", ai.djl.engine.Engine.getDjlVersion());
        ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
        m.put("engine", engine.getEngineName());
        m.put("libtorch", engine.getVersion());
        m.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return m;
    }
}
