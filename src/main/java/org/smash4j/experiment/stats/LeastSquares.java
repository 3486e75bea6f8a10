package org.smash4j.experiment.stats;

import org.hipparchus.stat.regression.SimpleRegression;

/**
 * An ordinary least-squares line y = slope * x + intercept, as drawn through the scatter of true error against
 * SMASH score (paper Fig. 3), with its coefficient of determination.
 *
 * @param slope      Sxy / Sxx
 * @param intercept  mean(y) - slope * mean(x)
 * @param rSquared   1 - SSres/SStot (= Pearson r squared); NaN when y is constant (0/0)
 * @param n          number of pairs fitted
 */
public record LeastSquares(double slope, double intercept, double rSquared, int n) {

    public LeastSquares {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException(
                    "a least-squares line needs a finite slope and intercept, got " + slope + " and " + intercept);
        }
        if (n < 2) {
            throw new IllegalArgumentException("a least-squares line needs at least 2 pairs, got " + n);
        }
    }

    /** Fits y on x; throws when x is constant, because then no line (every slope fits equally) is determined. */
    public static LeastSquares fit(double[] x, double[] y) {
        Samples.requirePaired(x, y, 2);
        if (Samples.isConstant(x)) {
            throw new IllegalArgumentException("cannot fit a line: x is constant (all " + x.length
                    + " values are " + x[0] + "), so the slope is undetermined");
        }
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            regression.addData(x[i], y[i]);
        }
        double slope = regression.getSlope();
        double intercept = regression.getIntercept();
        double rSquared = Samples.isConstant(y) ? Double.NaN : Math.min(1.0, regression.getRSquare());
        return new LeastSquares(slope, intercept, rSquared, x.length);
    }

    /** The fitted line's value at x. */
    public double predict(double x) {
        return slope * x + intercept;
    }
}
