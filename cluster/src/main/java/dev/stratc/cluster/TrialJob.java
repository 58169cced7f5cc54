package dev.stratc.cluster;

import java.io.Serializable;

/**
 * What every trial of one optimisation shares, broadcast once to each executor: the strategy's source (each
 * executor compiles it) and the description of the universe (each executor reads the bars itself).
 */
public record TrialJob(String fileName, String source, UniverseSpec universe) implements Serializable {
}
