import {
  initialState,
  transition,
  SYSTEM_ACTOR,
  type Actor,
  type CaseState,
  type TransitionResult,
} from '../../functions/src/workflow';

export const T0 = new Date('2026-12-07T02:00:00Z'); // Monday 09:00 in Jakarta

export const ACTORS = {
  upp: { uid: 'u-upp', role: 'upp' },
  sesdep: { uid: 'u-sesdep', role: 'sesdep' },
  deputi: { uid: 'u-deputi', role: 'deputi' },
  asdep: { uid: 'u-asdep', role: 'asdep' },
  asdep2: { uid: 'u-asdep2', role: 'asdep' },
  kabid: { uid: 'u-kabid', role: 'kabid' },
  kabid2: { uid: 'u-kabid2', role: 'kabid' },
  menko: { uid: 'u-menko', role: 'menko' },
  admin: { uid: 'u-admin', role: 'admin' },
  public: { uid: 'anon', role: 'public' },
} as const satisfies Record<string, Actor>;

/** A valid payload for each staff action. */
export const PAYLOADS: Record<string, Record<string, unknown>> = {
  forward: { category: 'konflik_sosial', analysis: 'Laporan konflik antarwarga, perlu koordinasi.' },
  decline: { reason: 'spam', explanation: 'Isi laporan bukan pengaduan.' },
  validate: { note: 'Data lengkap.' },
  dispose: { asdepUid: ACTORS.asdep.uid, instruction: 'Segera tindak lanjuti.' },
  assign: { staffUids: [ACTORS.kabid.uid], instruction: 'Telaah dan koordinasikan.' },
  submitStudy: { study: 'Telaahan staf atas pengaduan konflik sosial di wilayah X.' },
  recordDiscussion: {
    heldOn: '2026-12-08',
    participants: [{ name: 'Budi', organization: 'Kemendagri', kind: 'kl_terkait' }],
    results: 'Disepakati langkah mediasi oleh pemerintah daerah.',
  },
  submitDraft: {
    addressee: 'Menteri Dalam Negeri',
    findings: 'Telah terjadi konflik antarwarga akibat sengketa lahan.',
    recommendation: 'Agar pemerintah daerah memfasilitasi mediasi para pihak.',
  },
  approve: {},
  return: { reason: 'Rekomendasi perlu diperjelas.' },
};

export function act(state: CaseState, action: string, actor: Actor, payload?: Record<string, unknown>): TransitionResult {
  return transition(state, { action, version: state.version, payload: payload ?? PAYLOADS[action] }, actor, T0);
}

export function must(state: CaseState, action: string, actor: Actor, payload?: Record<string, unknown>): CaseState {
  const r = act(state, action, actor, payload);
  if (!r.ok) throw new Error(`${action} by ${actor.role} at step ${state.step}: ${r.error.code} ${JSON.stringify(r.error.errors ?? [])}`);
  return r.state;
}

/** The moves of the happy path, from step 2 to completion. */
export const HAPPY_PATH: ReadonlyArray<readonly [string, Actor]> = [
  ['forward', ACTORS.upp],
  ['validate', ACTORS.sesdep],
  ['dispose', ACTORS.deputi],
  ['assign', ACTORS.asdep],
  ['submitStudy', ACTORS.kabid],
  ['recordDiscussion', ACTORS.kabid],
  ['submitDraft', ACTORS.kabid],
  ['approve', ACTORS.asdep],
  ['approve', ACTORS.deputi],
  ['approve', ACTORS.menko],
];

/** A case taken to `step` along the happy path. */
export function caseAt(step: number): CaseState {
  let s = initialState('biasa', T0);
  if (step === 1) return s;
  s = must(s, 'intake', SYSTEM_ACTOR);
  for (const [action, actor] of HAPPY_PATH) {
    if (s.step === step && s.outcome === null) return s;
    s = must(s, action, actor);
  }
  return s;
}
