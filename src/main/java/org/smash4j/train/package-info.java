/**
 * Training: optimisers (Adam with the original's parameter groups, Nesterov SGD), schedules, the one-shot
 * and stand-alone training loops, checkpoints and run folders.
 */
package org.smash4j.train;
