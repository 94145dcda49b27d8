import { EventEmitter } from 'eventemitter3';
import type { WorkspaceEvent, WorkspaceEventListener, WorkspaceEventMap } from '../events/workspaceEvents.js';
import type { ListenerErrorHandler } from './serviceTypes.js';

type Name = keyof WorkspaceEventMap;
type AnyListener = (event: WorkspaceEvent) => void | Promise<void>;

/**
 * Listener registry on eventemitter3's typed emitter. Every listener is registered inside a guard
 * that catches what it throws or rejects with and hands it to the error handler, so one failing
 * listener never stops the others and never reaches the command that committed the change.
 */
export class EventBus {
  private readonly emitter = new EventEmitter<WorkspaceEventMap>();
  private readonly guards = new Map<Name, Map<AnyListener, AnyListener[]>>();

  constructor(private readonly onError: ListenerErrorHandler) {}

  /**
   * Registers `listener`; returns a function that removes it. With `filter`, the listener hears
   * only the events the filter returns (an actor's view hears what that actor may read), and
   * `once` means the next event it hears.
   */
  on<K extends Name>(type: K, listener: WorkspaceEventListener<K>, once = false, filter?: (event: WorkspaceEvent) => WorkspaceEvent | null): () => void {
    const original = listener as unknown as AnyListener;
    let byListener = this.guards.get(type);
    if (!byListener) this.guards.set(type, (byListener = new Map()));
    const registered = byListener;
    const guard: AnyListener = (event) => {
      let heard: WorkspaceEvent | null = event;
      try {
        heard = filter === undefined ? event : filter(event);
      } catch (error) {
        this.report(error, event);
        return;
      }
      if (heard === null) return;
      if (once) this.remove(type, original, guard);
      try {
        const outcome = original(heard);
        if (outcome !== undefined && typeof outcome.then === 'function') outcome.then(undefined, (error: unknown) => this.report(error, event));
      } catch (error) {
        this.report(error, event);
      }
    };
    registered.set(original, [...(registered.get(original) ?? []), guard]);
    (this.emitter.on.bind(this.emitter) as (name: Name, fn: AnyListener) => unknown)(type, guard);
    return () => this.off(type, listener);
  }

  /** Removes one registration of `listener` (the latest). */
  off<K extends Name>(type: K, listener: WorkspaceEventListener<K>): void {
    const original = listener as unknown as AnyListener;
    const guard = this.guards.get(type)?.get(original)?.at(-1);
    if (guard !== undefined) this.remove(type, original, guard);
  }

  private remove(type: Name, original: AnyListener, guard: AnyListener): void {
    this.forget(type, original, guard);
    (this.emitter.off.bind(this.emitter) as (name: Name, fn: AnyListener) => unknown)(type, guard);
  }

  /** Hands each event to the listeners of its type, then to the `'*'` listeners. */
  emit(events: readonly WorkspaceEvent[]): void {
    const emit = this.emitter.emit.bind(this.emitter) as (name: Name, event: WorkspaceEvent) => boolean;
    for (const event of events) {
      emit(event.type, event);
      emit('*', event);
    }
  }

  private forget(type: Name, original: AnyListener, guard: AnyListener): void {
    const byListener = this.guards.get(type);
    const left = (byListener?.get(original) ?? []).filter((g) => g !== guard);
    if (left.length === 0) byListener?.delete(original);
    else byListener?.set(original, left);
  }

  private report(error: unknown, event: WorkspaceEvent): void {
    try {
      this.onError(error, event);
    } catch {
      // The error handler itself failed; the command has committed and the other listeners must still run.
    }
  }
}
