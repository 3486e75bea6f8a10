package org.smash4j.train;

import org.smash4j.data.Normalization;
import org.smash4j.space.NormStyle;

import java.util.List;
import java.util.Map;

/**
 * What a saved model needs besides its architecture and weights: how its input is normalised, the class
 * names, its norm style and where its data came from. Stored as model/model.json.
 */
public record ModelInfo(NormStyle normStyle, DataSpec data, List<String> classNames, Normalization normalization,
        int channels, int resolution, Map<String, Object> finalMetrics) {
}
