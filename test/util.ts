import { App, Chart, ChartProps } from 'cdk8s';
import { Warnings } from '../src';

/** Builds a chart in a fresh app and returns what `cdk8s synth` would write for the whole app (validation on). */
export function synth(build: (chart: Chart) => void, props: ChartProps = {}): any[] {
  const app = new App();
  Warnings.of(app).sink = Warnings.SILENT;
  const chart = new Chart(app, 'test', props);
  build(chart);
  return app.charts.flatMap((c) => c.toJson());
}

/** Builds a chart and returns the error thrown while building or synthesizing it ('' when none). */
export function errorOf(build: (chart: Chart) => void, props: ChartProps = {}): string {
  try {
    synth(build, props);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** The objects of a kind. */
export function ofKind(objects: any[], kind: string): any[] {
  return objects.filter((o) => o.kind === kind);
}

/** The only object of a kind (fails the test when there are none or several). */
export function only(objects: any[], kind: string): any {
  const found = ofKind(objects, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0];
}
