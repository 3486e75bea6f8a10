/** Small utilities shared by every layer: seeded random streams, version provenance. */
package org.smash4j.util;
