import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationComparison, CalibrationPanel, ReportTask } from '../report-data.js';
import { formatNumber } from '../format-number.js';
import { reliabilitySpec } from './reliability.js';

/**
 * The reliability plot of the same rows before and after calibration, side by side, each titled
 * with its ECE, Brier score and log loss: the plot of reliabilitySpec, so the two read alike.
 */
export function calibrationPanelSpecs(calibration: CalibrationComparison, task: ReportTask): TopLevelSpec[] {
  const panel = (name: string, data: CalibrationPanel): TopLevelSpec => ({
    ...reliabilitySpec(data.reliability, task),
    title: {
      text: `${name} · ECE ${formatNumber(data.reliability.expectedCalibrationError)}`,
      subtitle: `Brier ${formatNumber(data.brier)} · log loss ${formatNumber(data.logLoss)}`,
    },
  });
  return [panel('Before calibration', calibration.before), panel(`After: ${calibration.method}`, calibration.after)];
}
