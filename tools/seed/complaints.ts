/**
 * Demo complaints at different steps of the SOP, some overdue, made through the product's
 * own code paths (createComplaint + applyAction), so every history entry, document, mail
 * and deadline is what the real system would have produced. Idempotent: a marker document
 * (`config/demoSeed`) makes a second run a no-op.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { applyAction, createComplaint, type Created } from '../../functions/src/store/complaints';
import { SYSTEM_ACTOR, type Actor, type StaffRole } from '../../functions/src/workflow';
import type { PublicSubmission } from '../../functions/src/schemas';

export interface SeededComplaint extends Created {
  title: string;
}

type StaffIndex = Record<string, { uid: string }>;

const HOUR = 3600_000;

function steps(staff: (email: string, role: StaffRole) => Actor) {
  const upp = staff('upp@demo.test', 'upp');
  const sesdep = staff('sesdep@demo.test', 'sesdep');
  const deputi = staff('deputi@demo.test', 'deputi');
  const asdepW = staff('asdep.wasbang@demo.test', 'asdep');
  const asdepK = staff('asdep.konflik@demo.test', 'asdep');
  const kabidW = staff('kabid.wasbang@demo.test', 'kabid');
  const kabidK = staff('kabid.konflik@demo.test', 'kabid');
  const menko = staff('menko@demo.test', 'menko');
  const forward = (category: string): [string, Actor, Record<string, unknown>] => [
    'forward',
    upp,
    { category, analysis: 'Pengaduan relevan dengan tugas Deputi Bidang Koordinasi Kesatuan Bangsa; identitas pelapor dan kronologi telah diverifikasi.' },
  ];
  const validate: [string, Actor, Record<string, unknown>] = ['validate', sesdep, { note: 'Data pengaduan lengkap, mohon arahan Deputi.' }];
  const dispose = (asdep: Actor): [string, Actor, Record<string, unknown>] => [
    'dispose',
    deputi,
    { asdepUid: asdep.uid, instruction: 'Pelajari dan koordinasikan dengan K/L terkait, laporkan hasilnya.', priority: 'segera' },
  ];
  const assign = (asdep: Actor, kabid: Actor): [string, Actor, Record<string, unknown>] => [
    'assign',
    asdep,
    { staffUids: [kabid.uid], instruction: 'Siapkan telaahan staf dan jadwalkan pembahasan dengan pihak terkait.', leadershipMeeting: false },
  ];
  const study = (kabid: Actor): [string, Actor, Record<string, unknown>] => [
    'submitStudy',
    kabid,
    {
      study: 'Berdasarkan penelusuran, permasalahan bermula dari perbedaan tafsir atas izin penggunaan lahan dan berkembang menjadi ketegangan antarkelompok.',
      materials: ['Kronologi kejadian', 'Pemberitaan media daring', 'Data Badan Kesbangpol provinsi'],
    },
  ];
  const discuss = (kabid: Actor): [string, Actor, Record<string, unknown>] => [
    'recordDiscussion',
    kabid,
    {
      heldOn: '2026-12-01',
      place: 'Ruang Rapat Deputi V, Kemenko Polhukam',
      participants: [
        { name: 'Drs. Ahmad Fauzi', organization: 'Kementerian Dalam Negeri', kind: 'kl_terkait' },
        { name: 'Ir. Maria Tambunan', organization: 'Kementerian Agama', kind: 'kl_terkait' },
        { name: 'Kombes Pol. Hendra', organization: 'Baintelkam Polri', kind: 'kl_terkait' },
        { name: 'Rina Kartika, S.H.', organization: 'Asdep Koordinasi Wawasan Kebangsaan', kind: 'internal' },
      ],
      results: 'Forum sepakat bahwa penyelesaian ditempuh melalui mediasi oleh pemerintah daerah dengan melibatkan FKUB dan tokoh masyarakat setempat.',
      recommendation: 'Pemerintah daerah memfasilitasi dialog dan menjamin keamanan kedua pihak.',
    },
  ];
  const draft = (kabid: Actor): [string, Actor, Record<string, unknown>] => [
    'submitDraft',
    kabid,
    {
      addressee: 'Menteri Dalam Negeri',
      findings: 'Ketegangan antarkelompok dipicu sengketa izin penggunaan lahan dan diperburuk penyebaran informasi yang tidak benar di media sosial.',
      recommendation: 'Agar Kementerian Dalam Negeri mendorong pemerintah daerah memfasilitasi mediasi, menertibkan perizinan, dan melibatkan FKUB dalam pemulihan hubungan sosial.',
    },
  ];
  return { upp, sesdep, deputi, asdepW, asdepK, kabidW, kabidK, menko, forward, validate, dispose, assign, study, discuss, draft };
}

const submission = (subject: string, description: string, extra: Partial<PublicSubmission> = {}): PublicSubmission => ({
  subject,
  description,
  confidentiality: 'biasa',
  lang: 'id',
  consent: true,
  reporter: { name: 'Warga Demo', email: 'pelapor@demo.test', phone: '081234567890' },
  ...extra,
});

export async function seedComplaints(db: Firestore, staffByEmail: StaffIndex, now: Date = new Date()): Promise<SeededComplaint[]> {
  const marker = db.doc('config/demoSeed');
  if ((await marker.get()).exists) return [];
  const staff = (email: string, role: StaffRole): Actor => {
    const s = staffByEmail[email];
    if (!s) throw new Error(`seedComplaints: demo staff ${email} is missing`);
    return { uid: s.uid, role };
  };
  const s = steps(staff);
  const out: SeededComplaint[] = [];

  /** Create a complaint `hoursAgo` in the past and take it through `moves`, one every `gapHours`. */
  async function make(title: string, sub: PublicSubmission, hoursAgo: number, moves: Array<[string, Actor, Record<string, unknown>]>, gapHours = 0.1) {
    let at = new Date(now.getTime() - hoursAgo * HOUR);
    const created = await createComplaint({ submission: sub, channel: 'online', recordedBy: null }, at);
    let version = 1;
    const run = async (action: string, actor: Actor, payload: Record<string, unknown>) => {
      const r = await applyAction(created.id, { action, version, payload }, actor, 'id', at);
      if (!r.ok) throw new Error(`seed ${title}: ${action} failed: ${JSON.stringify('error' in r ? r.error : r)}`);
      version = r.complaint.version;
    };
    await run('intake', SYSTEM_ACTOR, {});
    for (const [action, actor, payload] of moves) {
      at = new Date(at.getTime() + gapHours * HOUR);
      await run(action, actor, payload);
    }
    out.push({ ...created, title });
  }

  await make(
    'Baru masuk (tahap 2)',
    submission(
      'Ujaran kebencian bernuansa SARA di grup media sosial warga',
      'Sejak pekan lalu beredar pesan berantai di grup percakapan warga yang menghasut kebencian terhadap kelompok etnis tertentu di kecamatan kami.',
      { category: 'diskriminasi_ras_etnis', location: 'Kota Medan, Sumatera Utara' },
    ),
    0.05,
    [],
  );
  await make(
    'Menunggu validasi Sesdep (tahap 3), rahasia',
    submission(
      'Penolakan pendirian rumah ibadah oleh sekelompok orang',
      'Sekelompok orang menghalangi pembangunan rumah ibadah yang telah memiliki izin lengkap dan mengancam panitia pembangunan.',
      { category: 'kerukunan_umat_beragama', confidentiality: 'rahasia', location: 'Kabupaten Bogor, Jawa Barat' },
    ),
    0.5,
    [s.forward('kerukunan_umat_beragama')],
  );
  await make(
    'Anonim, menunggu disposisi Deputi (tahap 4)',
    submission(
      'Dugaan penyebaran paham radikal di lingkungan kampus',
      'Terdapat kelompok kajian yang mengajak mahasiswa menolak Pancasila dan menyebarkan materi yang mengarah pada kekerasan.',
      { category: 'radikalisme_terorisme', confidentiality: 'anonim', reporter: undefined },
    ),
    1,
    [s.forward('radikalisme_terorisme'), s.validate],
  );
  await make(
    'Terlambat di Asdep (tahap 5)',
    submission(
      'Konflik batas wilayah antardesa memicu bentrokan',
      'Bentrokan antarwarga dua desa terjadi berulang kali karena sengketa batas wilayah dan belum ada penyelesaian dari pemerintah daerah.',
      { category: 'konflik_sosial', location: 'Kabupaten Maluku Tengah, Maluku' },
    ),
    75,
    [s.forward('konflik_sosial'), s.validate, s.dispose(s.asdepK)],
  );
  await make(
    'Terlambat di Kabid (tahap 6)',
    submission(
      'Kegiatan ormas yang meresahkan warga',
      'Sebuah organisasi kemasyarakatan melakukan sweeping dan intimidasi terhadap pelaku usaha kecil di wilayah kami menjelang hari besar keagamaan.',
      { category: 'organisasi_kemasyarakatan', location: 'Kota Surakarta, Jawa Tengah' },
    ),
    100,
    [s.forward('organisasi_kemasyarakatan'), s.validate, s.dispose(s.asdepK), s.assign(s.asdepK, s.kabidK)],
  );
  await make(
    'Konsep laporan menunggu Asdep (tahap 9)',
    submission(
      'Intoleransi terhadap kegiatan ibadah di perumahan',
      'Warga yang sedang melaksanakan ibadah di rumah didatangi dan dibubarkan oleh sekelompok orang dengan alasan tidak memiliki izin.',
      { category: 'intoleransi', location: 'Kota Depok, Jawa Barat' },
    ),
    3,
    [s.forward('intoleransi'), s.validate, s.dispose(s.asdepW), s.assign(s.asdepW, s.kabidW), s.study(s.kabidW), s.discuss(s.kabidW), s.draft(s.kabidW)],
    0.2,
  );
  await make(
    'Menunggu persetujuan Menko (tahap 11)',
    submission(
      'Penyebaran hoaks bermuatan SARA menjelang pilkada',
      'Akun-akun anonim menyebarkan hoaks yang mengadu domba kelompok agama dan suku menjelang pemilihan kepala daerah.',
      { category: 'politik_dalam_negeri', location: 'Kota Makassar, Sulawesi Selatan' },
    ),
    4,
    [
      s.forward('politik_dalam_negeri'),
      s.validate,
      s.dispose(s.asdepW),
      s.assign(s.asdepW, s.kabidW),
      s.study(s.kabidW),
      s.discuss(s.kabidW),
      s.draft(s.kabidW),
      ['approve', s.asdepW, { note: 'Setuju, teruskan ke Deputi.' }],
      ['approve', s.deputi, {}],
    ],
    0.2,
  );
  await make(
    'Selesai, Surat Rekomendasi terbit',
    submission(
      'Diskriminasi terhadap warga keturunan dalam pelayanan publik',
      'Warga keturunan Tionghoa dipersulit dalam pengurusan dokumen kependudukan di kantor kelurahan dengan alasan yang tidak jelas.',
      { category: 'diskriminasi_ras_etnis', location: 'Kota Pontianak, Kalimantan Barat' },
    ),
    30,
    [
      s.forward('diskriminasi_ras_etnis'),
      s.validate,
      s.dispose(s.asdepW),
      s.assign(s.asdepW, s.kabidW),
      s.study(s.kabidW),
      s.discuss(s.kabidW),
      s.draft(s.kabidW),
      ['return', s.asdepW, { reason: 'Rekomendasi perlu menyebutkan langkah konkret dan tenggat waktu.' }],
      s.draft(s.kabidW),
      ['approve', s.asdepW, {}],
      ['approve', s.deputi, {}],
      ['approve', s.menko, { note: 'Setuju, kirimkan kepada Menteri Dalam Negeri.' }],
    ],
    0.3,
  );
  await make(
    'Ditolak (bukan kewenangan)',
    submission(
      'Tagihan listrik naik drastis bulan ini',
      'Tagihan listrik rumah saya naik dua kali lipat tanpa penjelasan dari petugas, mohon bantuan penyelesaiannya segera.',
    ),
    2,
    [['decline', s.upp, { reason: 'bukan_kewenangan', explanation: 'Pengaduan tentang tagihan listrik merupakan kewenangan PLN; silakan sampaikan melalui layanan pelanggan PLN 123 atau SP4N-LAPOR!.' }]],
  );

  await marker.set({ seededAt: now.toISOString(), complaints: out.map((c) => ({ id: c.id, trackingCode: c.trackingCode, title: c.title })) });
  return out;
}
