/** Benchmarks behind {@code smash bench}: timings by phase, throughput and memory. Never run as tests. */
package org.smash4j.bench;
