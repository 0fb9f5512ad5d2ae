// Choosing the decision threshold: objectives, their text form (for the CLI), and the search.
export { findThreshold, type ThresholdChoice, type ThresholdMetrics } from './find-threshold.js';
export { checkObjective, formatObjective, parseObjective, type ThresholdObjective } from './objective.js';
export { operatingPoints, strictThreshold, type OperatingPoint } from './operating-points.js';
