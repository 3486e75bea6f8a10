/** The picocli command line: one class per sub-command, thin over the library packages. */
package org.smash4j.cli;
