import { beforeEach, describe, expect, it } from 'vitest';
import { agreementDocument } from '../../../../src/core/agreement/documents';
import { computeAgreement } from '../../../../src/core/agreement/report';
import type { ArticleDoc } from '../../../../src/core/model/document';
import { figureDisagreements } from '../../../../src/main/services/review/figure-disagreements';
import { useAgreement } from '../../../../src/renderer/state/review-agreement';
import { reportHasFigure } from '../../../../src/renderer/state/review-agreement-figure';
import { useReview } from '../../../../src/renderer/state/review-store';
import { connectTo, FakeBackend, tagged, twoLayers } from './fake-backend';

/**
 * The agreement panel's choice of figure across a recompute (state/review-agreement): the figures
 * and disagreements are core's own, computed over the fake backend's documents as the host does;
 * the backend only holds its answers back when a test says so, to put a click in the middle.
 */
/** twoLayers, and Carol, who tagged "Unions" only. */
function threeLayers(): ArticleDoc {
  return tagged(twoLayers(), 'carol', 'actor', 37, 43);
}

/** Answers held back until released, one gate per method. */
class Gates {
  private held = new Map<string, (() => void)[]>();
  private closed = new Set<string>();
  hold(method: string) {
    this.closed.add(method);
  }
  async pass(method: string) {
    if (this.closed.has(method)) await new Promise<void>((resolve) => this.held.set(method, [...(this.held.get(method) ?? []), resolve]));
  }
  waiting(method: string) {
    return this.held.get(method)?.length ?? 0;
  }
  release(method: string) {
    this.closed.delete(method);
    for (const open of this.held.get(method) ?? []) open();
    this.held.delete(method);
  }
}

let backend: FakeBackend;
let gates: Gates;
beforeEach(() => {
  backend = new FakeBackend([threeLayers()]);
  gates = new Gates();
  const documents = () => [...backend.docs.values()].map((d) => agreementDocument(d));
  backend.api.agreementReport = async ({ layers }) => {
    backend.calls.push('agreementReport');
    await gates.pass('agreementReport');
    return computeAgreement(documents(), { annotators: layers });
  };
  backend.api.agreementDisagreements = async ({ layers, figure, limit }) => {
    backend.calls.push('agreementDisagreements');
    await gates.pass('agreementDisagreements');
    return figureDisagreements(documents(), layers, figure, limit);
  };
  connectTo(backend, 'a');
  useReview.setState({ scope: 'article' });
  useAgreement.setState({ layers: [], report: null, computedFor: null, loading: false, cancelled: false, figure: null, disagreements: null });
});

const agreement = () => useAgreement.getState();
const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
};
/** The panel's own steps on a tick: the layers change at once, the recompute starts after the render. */
const tick = (layers: string[]) => {
  agreement().setLayers(layers);
  return agreement().load();
};
const listed = () => agreement().disagreements?.items.map((d) => `${d.layers.join('/')} ${d.side ?? ''} ${d.start}`);

describe('the figure chosen across a recompute (state/review-agreement)', () => {
  it('a figure clicked while the figures are recomputed stays chosen, and lists its disagreements from the new figures', async () => {
    await tick(['alice', 'bob', 'carol']);
    gates.hold('agreementReport');
    agreement().setLayers(['alice', 'bob']);
    // The click lands on the three-layer figures before the recompute has even started…
    void agreement().showFigure({ kind: 'instance' }, 'Instance F1, all labels');
    const recompute = agreement().load();
    await until(() => gates.waiting('agreementReport') === 1);
    expect(agreement().loading).toBe(true);
    // …and nothing is listed until the new figures are in: a list now would be for the old ones.
    expect(backend.calls.filter((c) => c === 'agreementDisagreements')).toHaveLength(0);
    expect(agreement().figure?.title).toBe('Instance F1, all labels');
    gates.release('agreementReport');
    await recompute;
    expect(agreement().report?.annotators).toEqual(['alice', 'bob']);
    expect(agreement().figure?.figure).toEqual({ kind: 'instance' });
    await until(() => agreement().disagreements !== null);
    expect(listed()).toEqual(['alice/bob A 18', 'alice/bob B 37']);
  });

  it('a figure chosen before a layer is ticked is kept and listed again for the new layers', async () => {
    await tick(['alice', 'bob']);
    await agreement().showFigure({ kind: 'instance', label: 'actor' }, 'Instance F1, Actor');
    expect(listed()).toEqual(['alice/bob B 37']);
    await tick(['alice', 'bob', 'carol']);
    await until(() => agreement().disagreements !== null);
    expect(agreement().figure?.title).toBe('Instance F1, Actor');
    expect(listed()).toEqual(['alice/bob B 37', 'alice/carol A 0', 'alice/carol B 37', 'bob/carol A 0']);
  });

  it('a pair whose layer is unticked is no longer chosen, and nothing is listed for it', async () => {
    await tick(['alice', 'bob', 'carol']);
    gates.hold('agreementReport');
    agreement().setLayers(['alice', 'bob']);
    void agreement().showFigure({ kind: 'instance', a: 'bob', b: 'carol' }, 'Instance F1, bob / carol');
    const recompute = agreement().load();
    gates.release('agreementReport');
    await recompute;
    expect(agreement().figure).toBeNull();
    expect(agreement().disagreements).toBeNull();
    expect(backend.calls.filter((c) => c === 'agreementDisagreements')).toHaveLength(0);
  });

  it('a list still on its way when the layers change is dropped: the list shown is always for the layers measured', async () => {
    await tick(['alice', 'bob', 'carol']);
    gates.hold('agreementDisagreements');
    const old = agreement().showFigure({ kind: 'token' }, 'Token F1, all labels');
    await until(() => gates.waiting('agreementDisagreements') === 1);
    const recompute = tick(['alice', 'bob']);
    gates.release('agreementDisagreements');
    await old;
    await recompute;
    await until(() => agreement().disagreements !== null);
    expect(new Set(agreement().disagreements!.items.map((d) => d.layers.join('/')))).toEqual(new Set(['alice/bob']));
  });

  it('fewer than two layers: no figures, no choice', async () => {
    await tick(['alice', 'bob']);
    await agreement().showFigure({ kind: 'instance' }, 'Instance F1, all labels');
    await tick(['alice']);
    expect(agreement().report).toBeNull();
    expect(agreement().figure).toBeNull();
    expect(agreement().disagreements).toBeNull();
  });
});

describe('reportHasFigure', () => {
  const report = computeAgreement([agreementDocument(threeLayers())], { annotators: ['alice', 'bob'] });
  it('keeps a figure whose pair (in either order), label and document are in the report', () => {
    expect(reportHasFigure(report, { kind: 'instance' })).toBe(true);
    expect(reportHasFigure(report, { kind: 'token', a: 'bob', b: 'alice', label: 'claim', document: 'a' })).toBe(true);
    expect(reportHasFigure(report, { kind: 'kappa', a: 'alice', b: 'bob', label: 'actor' })).toBe(true);
    expect(reportHasFigure(report, { kind: 'alpha', label: 'actor' })).toBe(true);
    expect(reportHasFigure(report, { kind: 'link' })).toBe(true);
    expect(reportHasFigure(report, { kind: 'attribute' })).toBe(true);
  });
  it('drops one with a layer, label, document, link type or attribute the report does not have', () => {
    expect(reportHasFigure(report, { kind: 'instance', a: 'alice', b: 'carol' })).toBe(false);
    expect(reportHasFigure(report, { kind: 'kappa', a: 'alice', b: 'bob', label: 'quote' })).toBe(false);
    expect(reportHasFigure(report, { kind: 'alpha', label: 'quote' })).toBe(false);
    expect(reportHasFigure(report, { kind: 'token', document: 'b' })).toBe(false);
    expect(reportHasFigure(report, { kind: 'link', type: 'speaker' })).toBe(false);
    expect(reportHasFigure(report, { kind: 'attribute', name: 'stance' })).toBe(false);
  });
});
