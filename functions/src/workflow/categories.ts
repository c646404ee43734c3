/** Subjects of national-unity complaints the deputyship handles, and reasons to decline. Pure. */

export const CATEGORIES = [
  'wawasan_kebangsaan',
  'kerukunan_umat_beragama',
  'intoleransi',
  'konflik_sosial',
  'radikalisme_terorisme',
  'diskriminasi_ras_etnis',
  'organisasi_kemasyarakatan',
  'politik_dalam_negeri',
  'lainnya',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, { id: string; en: string }> = {
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

export const DECLINE_REASONS = ['duplikat', 'spam', 'bukan_kewenangan'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const DECLINE_REASON_LABELS: Record<DeclineReason, { id: string; en: string }> = {
  duplikat: { id: 'Pengaduan yang sama telah kami terima sebelumnya', en: 'The same complaint was received before' },
  spam: { id: 'Bukan pengaduan (spam atau iseng)', en: 'Not a complaint (spam)' },
  bukan_kewenangan: {
    id: 'Di luar kewenangan Deputi Bidang Koordinasi Kesatuan Bangsa',
    en: 'Outside the authority of the Deputy for National Unity',
  },
};

/** How a complaint reached the UPP (SOP step 1: directly or indirectly). */
export const CHANNELS = ['online', 'walkin', 'phone', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, { id: string; en: string }> = {
  online: { id: 'Daring (formulir web)', en: 'Online (web form)' },
  walkin: { id: 'Datang langsung', en: 'Walk-in' },
  phone: { id: 'Telepon', en: 'Phone' },
  letter: { id: 'Surat', en: 'Letter' },
};

export const PRIORITIES = ['biasa', 'segera', 'sangat_segera'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, { id: string; en: string }> = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  segera: { id: 'Segera', en: 'Urgent' },
  sangat_segera: { id: 'Sangat Segera', en: 'Very urgent' },
};
