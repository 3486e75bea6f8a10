/**
 * The report of a pipeline run folder: {@code report.html} (self-contained, opens offline), {@code summary.json},
 * {@code summary.md} and PNG plots, made only by READING the run folder, so it can be re-made at any time from a
 * finished or half-finished run. {@link org.smash4j.report.ReportWriter} is the entry point;
 * {@link org.smash4j.report.ArchitectureDiagram} draws an architecture's memory banks on its own.
 */
package org.smash4j.report;
