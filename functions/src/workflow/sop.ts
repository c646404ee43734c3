/**
 * The SOP as data: SOP Makro "Penanganan Pengaduan Masyarakat di Deputi Bidang Koordinasi
 * Kesatuan Bangsa" (OT.01.02-055-055.De.6), one row per step, in the order and words of
 * shared/sop/SOP.md so that a reader can hold the two side by side.
 *
 * Everything else derives from this file: the API's checks (transition.ts), the security
 * rules (tools/gen-rules), deadlines (time standards), public statuses, documents.
 * Pure: no Firebase imports.
 */
import type { TimeStandard } from '../sla';
import type { Role } from './roles';

export type { TimeStandard };

export type StepNo = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;
export const STEP_NUMBERS: readonly StepNo[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];


export type Text = { id: string; en: string };

/** The document each step produces (rendered by functions/src/documents). */
export type DocumentKind =
  | 'tanda_terima' // receipt of the complaint (step 1-2)
  | 'lembar_disposisi' // disposition sheet (step 4, step 5)
  | 'telaahan_staf' // staff study (step 6)
  | 'hasil_pembahasan' // discussion results (step 7)
  | 'konsep_laporan' // draft report (step 8)
  | 'surat_rekomendasi'; // Surat Rekomendasi Menko Polhukam (step 11)

export type ActionName =
  | 'submit'
  | 'intake'
  | 'forward'
  | 'decline'
  | 'validate'
  | 'dispose'
  | 'assign'
  | 'submitStudy'
  | 'recordDiscussion'
  | 'submitDraft'
  | 'approve'
  | 'return';

/** Where an action leads: another step, or the end of the case. */
export type Target = { step: StepNo } | { outcome: 'completed' | 'declined' };

/**
 * Who is assigned to the step an action leads to:
 * - `role`: everyone active in that role (the UPP desk, the Sesdep, the Deputi, the Menko);
 * - `payload.asdepUid` / `payload.staffUids`: whom the actor chose;
 * - `case.asdep`: the Asdep the Deputi disposed the case to;
 * - `case.staff`: the Kabid/JF the Asdep assigned (the drafters).
 */
export type AssigneeRule = 'role' | 'payload.asdepUid' | 'payload.staffUids' | 'case.asdep' | 'case.staff';

export interface ActionDef {
  name: ActionName;
  /** Roles that may take the action; `system` marks an automatic move. */
  roles: readonly Role[];
  to: Target;
  assignee: AssigneeRule | null;
  /** The action completes the step's output; a `return` sends work back instead. */
  kind: 'complete' | 'return' | 'decline' | 'automatic';
  /** Document rendered after the move, if any. */
  document: DocumentKind | null;
  label: Text;
}

export interface StepDef {
  no: StepNo;
  role: Role;
  title: Text;
  activity: Text;
  standard: TimeStandard;
  /** "Kelengkapan" column. */
  input: Text | null;
  output: Text;
  note: Text | null;
  actions: readonly ActionDef[];
}

// "kasus hukum" (legal case) is the SOP's own wording for steps 9-11, kept verbatim.
const REPORT_VALIDATED_BY_ASDEP: Text = {
  id: 'Konsep laporan hasil rapat koordinasi penyelesaian kasus hukum telah divalidasi Asdep',
  en: 'Draft report validated by Asdep',
};
const REPORT_VALIDATED_BY_DEPUTI: Text = {
  id: 'Konsep laporan hasil rapat koordinasi penyelesaian kasus hukum telah divalidasi Deputi',
  en: 'Draft report validated by Deputi',
};

export const SOP: readonly StepDef[] = [
  {
    no: 1,
    role: 'public',
    title: { id: 'Pelaporan pengaduan', en: 'Complaint reported' },
    activity: {
      id: 'Melaporkan pengaduan kasus terkait kesatuan bangsa baik secara langsung atau secara tidak langsung ke Unit Pelayanan Publik (UPP)',
      en: 'Reports a complaint about national-unity matters to the public service desk (UPP), directly (walk-in, phone, letter) or indirectly (online)',
    },
    standard: { minutes: 10 },
    input: null,
    output: { id: 'Data pengaduan + identitas pelapor', en: 'Complaint data + reporter identity' },
    note: null,
    actions: [
      {
        // The submission itself creates the complaint (online form, or recorded by a UPP officer).
        name: 'submit',
        roles: ['public', 'upp'],
        to: { step: 1 },
        assignee: null,
        kind: 'complete',
        document: null,
        label: { id: 'Kirim pengaduan', en: 'Submit complaint' },
      },
      {
        name: 'intake',
        roles: ['system'],
        to: { step: 2 },
        assignee: 'role',
        kind: 'automatic',
        document: 'tanda_terima',
        label: { id: 'Diterima sistem', en: 'Received by the system' },
      },
    ],
  },
  {
    no: 2,
    role: 'upp',
    title: { id: 'Pencatatan dan analisis oleh UPP', en: 'Recorded and analysed by the UPP' },
    activity: {
      id: 'Menerima, mencatat, mengidentifikasi dan menganalisis kasus yang dihadapi pelapor dan menyampaikan kepada unit yang terkait',
      en: 'Receives, records, identifies and analyses the case and passes it to the related unit',
    },
    standard: { minutes: 10 },
    input: null,
    output: {
      id: 'Data pengaduan dan identitas pelapor telah dicatat petugas',
      en: 'Complaint data and identity recorded by the officer',
    },
    note: null,
    actions: [
      {
        name: 'forward',
        roles: ['upp'],
        to: { step: 3 },
        assignee: 'role',
        kind: 'complete',
        document: null,
        label: { id: 'Teruskan ke Sesdep', en: 'Forward to the Sesdep' },
      },
      {
        name: 'decline',
        roles: ['upp'],
        to: { outcome: 'declined' },
        assignee: null,
        kind: 'decline',
        document: null,
        label: { id: 'Tolak pengaduan', en: 'Decline complaint' },
      },
    ],
  },
  {
    no: 3,
    role: 'sesdep',
    title: { id: 'Validasi oleh Sesdep', en: 'Validated by the Sesdep' },
    activity: {
      id: 'Menerima dan mencatat laporan pengaduan masyarakat dan melaporkan kepada Deputi untuk mendapatkan arahan lebih lanjut',
      en: 'Receives and records the complaint and reports it to the Deputi for direction',
    },
    standard: { minutes: 10 },
    input: null,
    output: {
      id: 'Data pengaduan dan identitas pelapor yang telah divalidasi Sesdep',
      en: 'Complaint data and identity validated by Sesdep',
    },
    note: null,
    actions: [
      {
        name: 'validate',
        roles: ['sesdep'],
        to: { step: 4 },
        assignee: 'role',
        kind: 'complete',
        document: null,
        label: { id: 'Validasi dan laporkan ke Deputi', en: 'Validate and report to the Deputi' },
      },
    ],
  },
  {
    no: 4,
    role: 'deputi',
    title: { id: 'Disposisi Deputi', en: 'Disposition by the Deputi' },
    activity: {
      id: 'Memberikan arahan kepada Asdep terkait untuk menindaklanjuti pengaduan kasus',
      en: 'Gives direction to the relevant Asdep to follow up the complaint',
    },
    standard: { minutes: 60 },
    input: null,
    output: { id: 'Disposisi/arahan Deputi', en: "Deputi's disposition/direction" },
    note: null,
    actions: [
      {
        name: 'dispose',
        roles: ['deputi'],
        to: { step: 5 },
        assignee: 'payload.asdepUid',
        kind: 'complete',
        document: 'lembar_disposisi',
        label: { id: 'Disposisi ke Asdep', en: 'Dispose to an Asdep' },
      },
    ],
  },
  {
    no: 5,
    role: 'asdep',
    title: { id: 'Arahan dan disposisi Asdep', en: 'Direction and disposition by the Asdep' },
    activity: {
      id: 'Mempelajari laporan pengaduan dan menugaskan bawahan untuk tindak lanjut koordinasi dengan internal, antar unit organisasi, dan/atau K/L terkait. Apabila diperlukan dapat mengajukan rapat internal staf pimpinan Sesmenko Polhukam',
      en: 'Studies the complaint and assigns staff to follow up and coordinate internally, across units and/or with related ministries/agencies; may request an internal leadership meeting',
    },
    standard: { minutes: 120 },
    input: null,
    output: { id: 'Arahan + disposisi Asdep', en: "Asdep's direction + disposition" },
    note: {
      id: 'Tindak lanjut sesuai karakteristik laporan dan bentuk penyelesaian',
      en: 'Follow-up depends on the nature of the report and the form of settlement',
    },
    actions: [
      {
        name: 'assign',
        roles: ['asdep'],
        to: { step: 6 },
        assignee: 'payload.staffUids',
        kind: 'complete',
        document: 'lembar_disposisi',
        label: { id: 'Tugaskan Kabid/JF', en: 'Assign Kabid/JF staff' },
      },
    ],
  },
  {
    no: 6,
    role: 'kabid',
    title: { id: 'Telaahan staf', en: 'Staff study' },
    activity: {
      id: 'Menelaah laporan pengaduan dan melakukan koordinasi dan menyiapkan bahan-bahan terkait permasalahan dimaksud',
      en: 'Studies the complaint, coordinates, and prepares the related materials',
    },
    standard: { workingDays: 1 },
    input: null,
    output: {
      id: 'Telaahan + bahan-bahan terkait pengaduan kesatuan bangsa',
      en: 'Staff study (telaahan) + related materials',
    },
    note: null,
    actions: [
      {
        name: 'submitStudy',
        roles: ['kabid'],
        to: { step: 7 },
        assignee: 'case.staff',
        kind: 'complete',
        document: 'telaahan_staf',
        label: { id: 'Kirim telaahan', en: 'Submit staff study' },
      },
    ],
  },
  {
    no: 7,
    role: 'kabid',
    title: { id: 'Pembahasan', en: 'Discussion' },
    activity: {
      id: 'Melaksanakan pembahasan penanganan pengaduan terkait kesatuan bangsa untuk selanjutnya menyusun rumusan rekomendasi',
      en: 'Holds the discussion on handling the complaint, then drafts the recommendation',
    },
    standard: { workingDays: 1 },
    input: null,
    output: { id: 'Hasil pembahasan', en: 'Discussion results (hasil pembahasan)' },
    note: {
      id: 'Apabila diperlukan melibatkan unit organisasi internal Polhukam lainnya',
      en: 'Other internal units may be involved when needed',
    },
    actions: [
      {
        name: 'recordDiscussion',
        roles: ['kabid'],
        to: { step: 8 },
        assignee: 'case.staff',
        kind: 'complete',
        document: 'hasil_pembahasan',
        label: { id: 'Catat hasil pembahasan', en: 'Record discussion results' },
      },
    ],
  },
  {
    no: 8,
    role: 'kabid',
    title: { id: 'Konsep laporan', en: 'Draft report' },
    activity: {
      id: 'Menyusun laporan hasil pembahasan penanganan pengaduan terkait kesatuan bangsa untuk disampaikan kepada Asdep untuk diperiksa',
      en: 'Writes the report of the discussion results for the Asdep to check',
    },
    standard: { minutes: 300 },
    input: null,
    output: {
      id: 'Konsep laporan hasil penyelesaian kasus kesatuan bangsa',
      en: 'Draft report on settling the case',
    },
    note: null,
    actions: [
      {
        name: 'submitDraft',
        roles: ['kabid'],
        to: { step: 9 },
        assignee: 'case.asdep',
        kind: 'complete',
        document: 'konsep_laporan',
        label: { id: 'Kirim konsep laporan ke Asdep', en: 'Submit draft report to the Asdep' },
      },
    ],
  },
  {
    no: 9,
    role: 'asdep',
    title: { id: 'Pemeriksaan oleh Asdep', en: 'Checked by the Asdep' },
    activity: {
      id: 'Memeriksa laporan hasil pembahasan penanganan pengaduan terkait kesatuan bangsa, jika setuju dilanjutkan ke Deputi jika tidak dikembalikan ke konseptor untuk diperbaiki',
      en: 'Checks the report: if approved, on to the Deputi; if not, back to the drafter to fix',
    },
    standard: { minutes: 60 },
    input: null,
    output: REPORT_VALIDATED_BY_ASDEP,
    note: null,
    actions: [
      {
        name: 'approve',
        roles: ['asdep'],
        to: { step: 10 },
        assignee: 'role',
        kind: 'complete',
        document: null,
        label: { id: 'Setujui, teruskan ke Deputi', en: 'Approve, forward to the Deputi' },
      },
      {
        name: 'return',
        roles: ['asdep'],
        to: { step: 8 },
        assignee: 'case.staff',
        kind: 'return',
        document: null,
        label: { id: 'Kembalikan ke konseptor', en: 'Return to the drafter' },
      },
    ],
  },
  {
    no: 10,
    role: 'deputi',
    title: { id: 'Pemeriksaan oleh Deputi', en: 'Checked by the Deputi' },
    activity: {
      id: 'Memeriksa konsep rekomendasi hasil rapat koordinasi penyelesaian pengaduan kesatuan bangsa, jika setuju dilaporkan kepada Menko untuk mendapatkan persetujuan penyampaian rekomendasi kepada K/L, jika tidak diserahkan ke Asdep untuk diperbaiki',
      en: 'Checks the draft recommendation: if approved, reported to the Menko for approval to send it to the ministry/agency; if not, back to the Asdep to fix',
    },
    standard: { minutes: 30 },
    input: REPORT_VALIDATED_BY_ASDEP,
    output: REPORT_VALIDATED_BY_DEPUTI,
    note: null,
    actions: [
      {
        name: 'approve',
        roles: ['deputi'],
        to: { step: 11 },
        assignee: 'role',
        kind: 'complete',
        document: null,
        label: { id: 'Setujui, laporkan ke Menko', en: 'Approve, report to the Menko' },
      },
      {
        name: 'return',
        roles: ['deputi'],
        to: { step: 9 },
        assignee: 'case.asdep',
        kind: 'return',
        document: null,
        label: { id: 'Kembalikan ke Asdep', en: 'Return to the Asdep' },
      },
    ],
  },
  {
    no: 11,
    role: 'menko',
    title: { id: 'Persetujuan Menko', en: 'Approval by the Menko' },
    activity: {
      id: 'Memberikan persetujuan hasil rekomendasi penanganan pengaduan kesatuan bangsa kepada K/L terkait',
      en: 'Approves the recommendation to the related ministry/agency',
    },
    standard: { minutes: 15 },
    input: REPORT_VALIDATED_BY_DEPUTI,
    output: { id: 'Surat Rekomendasi Menko Polhukam', en: 'Surat Rekomendasi Menko Polhukam (recommendation letter)' },
    note: null,
    actions: [
      {
        name: 'approve',
        roles: ['menko'],
        to: { outcome: 'completed' },
        assignee: null,
        kind: 'complete',
        document: 'surat_rekomendasi',
        label: { id: 'Setujui Surat Rekomendasi', en: 'Approve the recommendation letter' },
      },
      {
        // Not in the SOP: a minister who disagrees needs a way back to the Deputi.
        name: 'return',
        roles: ['menko'],
        to: { step: 10 },
        assignee: 'role',
        kind: 'return',
        document: null,
        label: { id: 'Kembalikan ke Deputi', en: 'Return to the Deputi' },
      },
    ],
  },
];

export function stepDef(no: StepNo): StepDef {
  const def = SOP[no - 1];
  if (!def || def.no !== no) throw new Error(`SOP table out of order at step ${no}`);
  return def;
}

export function isStepNo(value: unknown): value is StepNo {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 11;
}

/** Actions a staff member can take (everything but the submission and automatic moves). */
export function staffActions(no: StepNo): readonly ActionDef[] {
  return stepDef(no).actions.filter((a) => a.kind !== 'automatic' && a.name !== 'submit');
}

export function findAction(no: StepNo, name: string): ActionDef | undefined {
  return stepDef(no).actions.find((a) => a.name === name);
}

/** Minutes in a time standard when days are counted as working days of `minutesPerDay`. */
export function standardMinutes(standard: TimeStandard, minutesPerDay: number): number {
  return 'minutes' in standard ? standard.minutes : standard.workingDays * minutesPerDay;
}
