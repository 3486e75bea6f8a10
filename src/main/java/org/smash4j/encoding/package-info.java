/**
 * The architecture encoding c (spec 3.1), the noise z (spec 3.2) and deliberately corrupted encodings for the
 * paper's "trick" experiment, in plain Java: the network code turns the {@code float[]} values into tensors.
 * {@link org.smash4j.encoding.EncodingLayout} is the single owner of every channel offset of c.
 */
package org.smash4j.encoding;
