package org.smash4j.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run.log of a run folder, written through an SLF4J logger with its own logback file appender, so the file
 * stays open between lines. Lines read "{@code <ISO-8601 instant> <message>}". At most {@link #OPEN_LIMIT} logs
 * are open at once (experiments open many candidate folders); the least recently used is closed and reopened
 * when written again.
 */
final class RunLog {
    static final int OPEN_LIMIT = 16;
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final Map<Path, RunLog> OPEN = new LinkedHashMap<>(OPEN_LIMIT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, RunLog> eldest) {
            if (size() > OPEN_LIMIT) {
                eldest.getValue().stop();
                return true;
            }
            return false;
        }
    };

    private final ch.qos.logback.classic.Logger logger;
    private final FileAppender<ILoggingEvent> appender;
    private final Object fileKey;

    private RunLog(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(file.toString());
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("cannot write " + file);
        }
        logger = context.getLogger("smash4j.runlog." + NEXT_ID.incrementAndGet());
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        fileKey = fileKey(file);
    }

    /** Appends {@code line} to the log file {@code file}, opening it if needed. */
    static synchronized void write(Path file, String line) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext)) {
            appendDirectly(file, line);
            return;
        }
        Path key = file.toAbsolutePath().normalize();
        RunLog log = OPEN.get(key);
        // A folder deleted and made again (a refused start, a test) has a new file: never write to the old one.
        if (log != null && !Objects.equals(log.fileKey, fileKey(key))) {
            close(key);
            log = null;
        }
        if (log == null) {
            log = new RunLog(key);
            OPEN.put(key, log);
        }
        Logger out = log.logger;
        out.info(line);
    }

    /** Another SLF4J binding won (a stale class path): the same line, appended without an appender. */
    private static void appendDirectly(Path file, String line) {
        try {
            Files.writeString(file, java.time.Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes the log file {@code file} if it is open (before its folder is deleted). */
    static synchronized void close(Path file) {
        RunLog log = OPEN.remove(file.toAbsolutePath().normalize());
        if (log != null) {
            log.stop();
        }
    }

    private void stop() {
        logger.detachAppender(appender);
        appender.stop();
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Today's run.log format: the event's instant as {@link java.time.Instant#toString}, a space, the message. */
    static final class LineEncoder extends EncoderBase<ILoggingEvent> {
        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            return (event.getInstant() + " " + event.getFormattedMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }
    }
}
