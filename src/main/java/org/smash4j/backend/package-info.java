/**
 * The numerical backend a run computes with: which vector instruction sets libtorch's oneDNN and ATen kernels
 * may use on this CPU. {@link org.smash4j.backend.IsaSelection} checks every candidate setting in a child
 * process ({@link org.smash4j.backend.IsaProbe}: float32 convolutions against float64 on the project's real
 * shapes, {@link org.smash4j.backend.ConvCheck}), picks the fastest correct one, caches the verdict per CPU
 * model and library version, and {@link org.smash4j.backend.BackendInfo} records it in every run folder.
 * Both settings are environment variables read when libtorch loads, so they are chosen before the JVM that
 * trains starts (by {@code ./smash} and the Maven build).
 */
package org.smash4j.backend;
