/**
 * The portal keeps its own copy of the workflow's labels (hosting/js/labels.js, a browser
 * module with no build step). This guards it against drifting from functions/src/workflow.
 * Pure: needs no stack.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, CONFIDENTIALITY_LABELS, DECLINE_REASONS, PRIORITY_LABELS, SOP, STAFF_ROLES } from '../../functions/src/workflow';
import { participantSchema } from '../../functions/src/schemas/actions';

type Labels = Record<string, { id: string; en: string }>;
interface PortalLabels {
  CATEGORIES: Labels;
  DECLINE_REASONS: Labels;
  PRIORITIES: Labels;
  CHANNELS: Labels;
  CONFIDENTIALITY: Labels;
  PARTICIPANT_KINDS: Labels;
  ROLES: Labels;
  STEPS: Labels;
  ACTIONS: Labels;
}

/** Evaluate the ES module's `export const` declarations (plain data) without a bundler. */
function portalLabels(): PortalLabels {
  const src = readFileSync(join(__dirname, '../../hosting/js/labels.js'), 'utf8');
  const names = [...src.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  return new Function(`${src.replace(/^export const /gm, 'const ')}\nreturn { ${names.join(', ')} };`)() as PortalLabels;
}

const P = portalLabels();

it('categories: same codes, in the same order, with the same labels', () => {
  expect(Object.keys(P.CATEGORIES)).toEqual([...CATEGORIES]);
  expect(P.CATEGORIES).toEqual(CATEGORY_LABELS);
});

it('priorities, confidentiality levels and the UPP channels match', () => {
  expect(P.PRIORITIES).toEqual(PRIORITY_LABELS);
  expect(P.CONFIDENTIALITY).toEqual(CONFIDENTIALITY_LABELS);
  const { online: _online, ...direct } = CHANNEL_LABELS;
  expect(P.CHANNELS).toEqual(direct);
});

it('decline reasons and participant kinds: same codes', () => {
  expect(Object.keys(P.DECLINE_REASONS)).toEqual([...DECLINE_REASONS]);
  expect(Object.keys(P.PARTICIPANT_KINDS)).toEqual(participantSchema.shape.kind.options);
});

it('step titles are the SOP table’s; every action and role is labelled', () => {
  expect(P.STEPS).toEqual(Object.fromEntries(SOP.map((s) => [String(s.no), s.title])));
  const actions = new Set(SOP.flatMap((s) => s.actions.map((a) => a.name)));
  expect(Object.keys(P.ACTIONS).sort()).toEqual([...actions].sort());
  for (const role of STAFF_ROLES) expect(P.ROLES[role]).toBeDefined();
});
