/** Small utilities shared by every layer: seeded random streams. */
package org.smash4j.util;
