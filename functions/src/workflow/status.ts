/**
 * The public status: what the reporter sees on the tracking page and in e-mails, in plain
 * language, never naming an internal step, role or person. Pure.
 */
import type { StepNo } from './sop';

export const PUBLIC_STATUSES = [
  'diterima',
  'diverifikasi',
  'didisposisi',
  'ditindaklanjuti',
  'dalam_peninjauan',
  'selesai',
  'ditolak',
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export type Outcome = 'completed' | 'declined';

export const PUBLIC_STATUS_TEXT: Record<PublicStatus, { id: { label: string; description: string }; en: { label: string; description: string } }> = {
  diterima: {
    id: { label: 'Diterima', description: 'Pengaduan Anda telah kami terima dan sedang dicatat serta dianalisis oleh petugas.' },
    en: { label: 'Received', description: 'We have received your complaint; an officer is recording and analysing it.' },
  },
  diverifikasi: {
    id: { label: 'Diverifikasi', description: 'Pengaduan Anda telah diverifikasi dan diteruskan kepada pimpinan untuk mendapatkan arahan.' },
    en: { label: 'Verified', description: 'Your complaint has been verified and passed to the leadership for direction.' },
  },
  didisposisi: {
    id: { label: 'Didisposisi', description: 'Pimpinan telah menugaskan unit kerja yang berwenang untuk menindaklanjuti pengaduan Anda.' },
    en: { label: 'Assigned', description: 'The leadership has assigned the responsible unit to follow up your complaint.' },
  },
  ditindaklanjuti: {
    id: { label: 'Ditindaklanjuti', description: 'Pengaduan Anda sedang ditelaah dan dikoordinasikan dengan pihak terkait.' },
    en: { label: 'In progress', description: 'Your complaint is being studied and coordinated with the parties concerned.' },
  },
  dalam_peninjauan: {
    id: { label: 'Dalam peninjauan', description: 'Hasil penanganan pengaduan Anda sedang ditinjau oleh pimpinan.' },
    en: { label: 'Under review', description: 'The outcome of your complaint is being reviewed by the leadership.' },
  },
  selesai: {
    id: { label: 'Selesai', description: 'Penanganan pengaduan Anda telah selesai; rekomendasi telah disampaikan kepada kementerian/lembaga terkait.' },
    en: { label: 'Completed', description: 'Your complaint has been settled; a recommendation has been sent to the ministry or agency concerned.' },
  },
  ditolak: {
    id: { label: 'Ditolak', description: 'Pengaduan Anda tidak dapat kami tindak lanjuti. Alasannya tercantum di bawah.' },
    en: { label: 'Declined', description: 'We cannot follow up your complaint. The reason is given below.' },
  },
};

/** Each step's public status; a step's status says what has already happened. */
export const STEP_PUBLIC_STATUS: Record<StepNo, PublicStatus> = {
  1: 'diterima',
  2: 'diterima',
  3: 'diverifikasi',
  4: 'diverifikasi',
  5: 'didisposisi',
  6: 'ditindaklanjuti',
  7: 'ditindaklanjuti',
  8: 'ditindaklanjuti',
  9: 'dalam_peninjauan',
  10: 'dalam_peninjauan',
  11: 'dalam_peninjauan',
};

export function publicStatus(step: StepNo, outcome: Outcome | null): PublicStatus {
  if (outcome === 'completed') return 'selesai';
  if (outcome === 'declined') return 'ditolak';
  return STEP_PUBLIC_STATUS[step];
}
