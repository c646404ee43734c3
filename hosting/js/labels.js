/**
 * Labels of the API's codes, in both languages (copied from functions/src/workflow:
 * categories.ts, roles.ts, sop.ts). The API answers with its own labels where it has them.
 */
export const CATEGORIES = {
  wawasan_kebangsaan: { id: 'Wawasan kebangsaan dan ideologi Pancasila', en: 'National outlook and Pancasila ideology' },
  kerukunan_umat_beragama: { id: 'Kerukunan umat beragama', en: 'Inter-religious harmony' },
  intoleransi: { id: 'Intoleransi', en: 'Intolerance' },
  konflik_sosial: { id: 'Konflik sosial', en: 'Social conflict' },
  radikalisme_terorisme: { id: 'Radikalisme dan terorisme', en: 'Radicalism and terrorism' },
  diskriminasi_ras_etnis: { id: 'Diskriminasi ras dan etnis', en: 'Racial and ethnic discrimination' },
  organisasi_kemasyarakatan: { id: 'Organisasi kemasyarakatan (ormas)', en: 'Civil society organisations' },
  politik_dalam_negeri: { id: 'Politik dalam negeri', en: 'Domestic politics' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const DECLINE_REASONS = {
  duplikat: { id: 'Pengaduan yang sama telah diterima sebelumnya (duplikat)', en: 'The same complaint was received before (duplicate)' },
  spam: { id: 'Bukan pengaduan (spam atau iseng)', en: 'Not a complaint (spam)' },
  bukan_kewenangan: { id: 'Di luar kewenangan Deputi Bidang Koordinasi Kesatuan Bangsa', en: 'Outside the authority of the Deputy for National Unity' },
};

export const PRIORITIES = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  segera: { id: 'Segera', en: 'Urgent' },
  sangat_segera: { id: 'Sangat Segera', en: 'Very urgent' },
};

export const CHANNELS = {
  walkin: { id: 'Datang langsung', en: 'Walk-in' },
  phone: { id: 'Telepon', en: 'Phone' },
  letter: { id: 'Surat', en: 'Letter' },
};

export const CONFIDENTIALITY = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  rahasia: { id: 'Rahasia', en: 'Confidential' },
  anonim: { id: 'Anonim', en: 'Anonymous' },
};

export const PARTICIPANT_KINDS = {
  internal: { id: 'Internal unit', en: 'Own unit' },
  unit_terkait: { id: 'Unit organisasi terkait', en: 'Related unit' },
  kl_terkait: { id: 'Kementerian/lembaga terkait', en: 'Related ministry/agency' },
};

export const ROLES = {
  public: { id: 'Masyarakat', en: 'Member of the public' },
  upp: { id: 'Petugas UPP', en: 'UPP officer' },
  sesdep: { id: 'Sekretaris Deputi', en: 'Secretary of the Deputy' },
  deputi: { id: 'Deputi', en: 'Deputy' },
  asdep: { id: 'Asisten Deputi', en: 'Assistant Deputy' },
  kabid: { id: 'Kepala Bidang / JF', en: 'Head of Division / Functional Staff' },
  menko: { id: 'Menko Polhukam', en: 'Coordinating Minister' },
  admin: { id: 'Administrator', en: 'Administrator' },
  system: { id: 'Sistem', en: 'System' },
};

export const STEPS = {
  1: { id: 'Pelaporan pengaduan', en: 'Complaint reported' },
  2: { id: 'Pencatatan dan analisis oleh UPP', en: 'Recorded and analysed by the UPP' },
  3: { id: 'Validasi oleh Sesdep', en: 'Validated by the Sesdep' },
  4: { id: 'Disposisi Deputi', en: 'Disposition by the Deputi' },
  5: { id: 'Arahan dan disposisi Asdep', en: 'Direction and disposition by the Asdep' },
  6: { id: 'Telaahan staf', en: 'Staff study' },
  7: { id: 'Pembahasan', en: 'Discussion' },
  8: { id: 'Konsep laporan', en: 'Draft report' },
  9: { id: 'Pemeriksaan oleh Asdep', en: 'Checked by the Asdep' },
  10: { id: 'Pemeriksaan oleh Deputi', en: 'Checked by the Deputi' },
  11: { id: 'Persetujuan Menko', en: 'Approval by the Menko' },
};

export const ACTIONS = {
  submit: { id: 'Pengaduan dikirim', en: 'Complaint submitted' },
  intake: { id: 'Diterima sistem', en: 'Received by the system' },
  forward: { id: 'Diteruskan ke Sesdep', en: 'Forwarded to the Sesdep' },
  decline: { id: 'Ditolak', en: 'Declined' },
  validate: { id: 'Divalidasi', en: 'Validated' },
  dispose: { id: 'Didisposisi ke Asdep', en: 'Disposed to an Asdep' },
  assign: { id: 'Ditugaskan ke Kabid/JF', en: 'Assigned to Kabid/JF' },
  submitStudy: { id: 'Telaahan dikirim', en: 'Staff study submitted' },
  recordDiscussion: { id: 'Hasil pembahasan dicatat', en: 'Discussion recorded' },
  submitDraft: { id: 'Konsep laporan dikirim', en: 'Draft report submitted' },
  approve: { id: 'Disetujui', en: 'Approved' },
  return: { id: 'Dikembalikan', en: 'Returned' },
};

/** Payload fields shown in the history, with their labels. */
export const PAYLOAD_FIELDS = {
  category: { id: 'Kategori', en: 'Category' },
  analysis: { id: 'Analisis', en: 'Analysis' },
  reason: { id: 'Alasan', en: 'Reason' },
  explanation: { id: 'Penjelasan', en: 'Explanation' },
  duplicateOf: { id: 'Duplikat dari', en: 'Duplicate of' },
  note: { id: 'Catatan', en: 'Note' },
  instruction: { id: 'Arahan', en: 'Instruction' },
  priority: { id: 'Prioritas', en: 'Priority' },
  leadershipMeeting: { id: 'Rapat staf pimpinan diajukan', en: 'Leadership meeting requested' },
  study: { id: 'Telaahan', en: 'Staff study' },
  materials: { id: 'Bahan', en: 'Materials' },
  coordination: { id: 'Koordinasi', en: 'Coordination' },
  heldOn: { id: 'Tanggal pembahasan', en: 'Held on' },
  place: { id: 'Tempat', en: 'Place' },
  participants: { id: 'Peserta', en: 'Participants' },
  results: { id: 'Hasil pembahasan', en: 'Results' },
  recommendation: { id: 'Rekomendasi', en: 'Recommendation' },
  addressee: { id: 'Ditujukan kepada', en: 'Addressee' },
  findings: { id: 'Temuan', en: 'Findings' },
};
