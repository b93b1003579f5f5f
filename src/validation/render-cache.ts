import { ApiObject } from 'cdk8s';

/**
 * The render cache of the synth-time validation pass, explicit and owned by it.
 *
 * At `cdk8s synth`, the validation pass renders every object of the app (rules run on plain JSON), and cdk8s then
 * renders every object again to write it. Rendering (cdk8s `resolve`) is the costliest part of synth, so the
 * objects this library creates are built from classes made by {@link rendersOnce}: their `toJson()` first asks
 * this cache for the JSON the pass just rendered. The pass offers JSON only while cdk8s synthesizes (never for a
 * `findings()` call of the user's), each entry answers one `toJson()` call, and every entry of a pass expires when
 * the synchronous task of that synth ends, so any later render is fresh. Objects of other classes (cdk8s-plus L2
 * constructs, the app's own objects) always render anew.
 */

interface Entry {
  readonly pass: number;
  readonly json: any;
}

const entries = new WeakMap<ApiObject, Entry>();
let pass = 0;
let passOpen = false;

/** Opens a pass (if none is open in this task): its entries expire when the task ends. */
function openPass(): void {
  if (passOpen) return;
  passOpen = true;
  queueMicrotask(() => {
    pass++;
    passOpen = false;
  });
}

/** The validation pass offers the JSON it rendered for an object, for the synth that follows in the same task. */
export function offerRender(obj: ApiObject, json: any): void {
  if (!(obj as any)[RENDERS_ONCE]) return;
  openPass();
  entries.set(obj, { pass, json });
}

/** The JSON offered for an object in the current pass, once; undefined when there is none. */
export function takeRender(obj: ApiObject): any {
  const e = entries.get(obj);
  if (!e) return undefined;
  entries.delete(obj);
  return e.pass === pass ? e.json : undefined;
}

const RENDERS_ONCE = Symbol.for('cdk8s-golden-paths.rendersOnce');

/**
 * A subclass of an ApiObject class (cdk8s `ApiObject` or a cdk8s-plus `k8s.Kube*` class) whose `toJson()` reuses the
 * JSON the validation pass rendered for it in the same synth.
 */
export function rendersOnce<T extends new (...args: any[]) => ApiObject>(base: T): T {
  const cls = class extends base {
    public toJson(): any {
      const cached = takeRender(this);
      return cached !== undefined ? cached : super.toJson();
    }
  };
  Object.defineProperty(cls.prototype, RENDERS_ONCE, { value: true });
  Object.defineProperty(cls, 'name', { value: base.name });
  return cls;
}

/** A cdk8s ApiObject whose render the synth reuses from the validation pass. */
export const RenderedOnceApiObject = rendersOnce(ApiObject);

/**
 * Makes one ApiObject the library created through another library's construct (the `apiObject` of a cdk8s-plus
 * `Service` or `ServiceAccount` that a construct of this library emits) reuse the render of the validation pass, as
 * the objects of {@link rendersOnce} classes do: its `toJson()` first takes the JSON the pass rendered for it.
 */
export function renderOnce(obj: ApiObject): void {
  if ((obj as any)[RENDERS_ONCE]) return;
  const render = obj.toJson;
  Object.defineProperty(obj, RENDERS_ONCE, { value: true });
  Object.defineProperty(obj, 'toJson', {
    value: function toJson(this: ApiObject): any {
      const cached = takeRender(this);
      return cached !== undefined ? cached : render.call(this);
    },
    configurable: true,
    writable: true,
  });
}
