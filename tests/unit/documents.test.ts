import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import {
  DocumentDataError,
  formatDateEn,
  formatDateTimeEn,
  formatHariTanggal,
  formatTanggal,
  formatTanggalWaktu,
  multilineHtml,
  renderDocument,
  renderMail,
  renderMailInput,
  terbilang,
  type BreachMail,
  type DocumentData,
  type DocumentKind,
  type MailInput,
  type MailTemplate,
  type NewTaskMail,
  type Participant,
  type ReminderMail,
  type ReporterStatusMail,
} from '../../functions/src/documents';
import type { ActionPayloads } from '../../functions/src/schemas/actions';
import { DECLINE_REASON_LABELS, PUBLIC_STATUS_TEXT, stepDef } from '../../functions/src/workflow';

const KINDS: readonly DocumentKind[] = [
  'tanda_terima',
  'lembar_disposisi',
  'telaahan_staf',
  'hasil_pembahasan',
  'konsep_laporan',
  'surat_rekomendasi',
];

const EVIL = '<script>alert(1)</script> "quotes" & ampersands';
const EVIL_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; ampersands';
const REPORTER = 'Siti Rahmawati';

/** A case that went the whole way, every step output filled (Monday 7 December 2026, Jakarta). */
function fullData(overrides: Partial<DocumentData> = {}): DocumentData {
  return {
    complaint: {
      id: 'c-0001',
      trackingCode: 'KB-7KQM-4XPA',
      subject: 'Penolakan pendirian rumah ibadah di Kelurahan Sukamaju',
      description:
        'Sekelompok warga menghalangi pembangunan gereja yang telah memiliki IMB.\nSpanduk penolakan dipasang di depan lokasi.\n\nWarga meminta pemerintah memfasilitasi dialog.',
      categoryLabel: 'Kerukunan umat beragama',
      channelLabel: 'Daring (formulir web)',
      confidentiality: 'biasa',
      submittedAt: '2026-12-07T02:00:00Z',
      location: 'Kota Bekasi, Jawa Barat',
      incidentDate: '2026-12-05',
    },
    version: 1,
    generatedAt: '2026-12-07T02:05:00Z',
    reporterName: REPORTER,
    trackUrl: 'https://pengaduan-kesbang.example.go.id/lacak',
    forward: {
      categoryLabel: 'Kerukunan umat beragama',
      analysis: 'Pengaduan terkait kerukunan umat beragama; perlu koordinasi dengan Kemenag dan Pemda.',
      by: 'Rina Marlina',
      at: '2026-12-07T02:08:00Z',
    },
    validate: { note: 'Data pengaduan lengkap.', by: 'Drs. Hendra Gunawan', at: '2026-12-07T02:15:00Z' },
    dispose: {
      asdepName: 'Dr. Bambang Sutrisno, M.Si.',
      asdepUnit: 'Asisten Deputi Koordinasi Kerukunan Umat Beragama',
      instruction: 'Pelajari dan koordinasikan dengan Kemenag serta Pemda Kota Bekasi.',
      priority: 'segera',
      by: 'Mayjen TNI Ahmad Fauzi',
      at: '2026-12-07T03:00:00Z',
    },
    assign: {
      staffNames: ['Dewi Lestari, S.H.', 'Agus Salim, S.Sos.'],
      instruction: 'Siapkan telaahan dan bahan rapat koordinasi.',
      leadershipMeeting: true,
      by: 'Dr. Bambang Sutrisno, M.Si.',
      at: '2026-12-07T05:00:00Z',
    },
    study: {
      study: 'Pembangunan rumah ibadah telah memperoleh PBG dari Pemda.\n\nPenolakan datang dari sebagian warga RW 05.',
      materials: ['PBG No. 640/123/2026', 'Peraturan Bersama Menteri Agama dan Menteri Dalam Negeri No. 9 dan 8 Tahun 2006'],
      coordination: 'Telah dikoordinasikan dengan Kanwil Kemenag Jawa Barat melalui telepon.',
      by: 'Dewi Lestari, S.H.',
      at: '2026-12-08T03:00:00Z',
    },
    discussion: {
      heldOn: '2026-12-09',
      place: 'Ruang Rapat Deputi V, Lantai 3',
      participants: [
        { name: 'Dewi Lestari, S.H.', organization: 'Asdep Koordinasi Kerukunan Umat Beragama', kind: 'internal' },
        { name: 'Ir. Yusuf Hakim', organization: 'Kementerian Agama', kind: 'kl_terkait' },
        { name: 'Rudi Hartono', organization: 'Deputi Bidang Koordinasi Hukum', kind: 'unit_terkait' },
        { name: 'Agus Salim, S.Sos.', organization: 'Asdep Koordinasi Kerukunan Umat Beragama', kind: 'internal' },
        { name: 'Lina Kusuma', organization: 'Kementerian Dalam Negeri', kind: 'kl_terkait' },
      ],
      results: 'Disepakati dialog difasilitasi FKUB Kota Bekasi.\nPemda menjamin keamanan pembangunan.',
      recommendation: 'Kemendagri meminta Pemda memfasilitasi dialog melalui FKUB.',
      by: 'Dewi Lestari, S.H.',
      at: '2026-12-09T08:00:00Z',
    },
    draft: {
      addressee: 'Menteri Dalam Negeri Republik Indonesia',
      findings: 'Pembangunan rumah ibadah telah sesuai ketentuan.\n\nPenolakan warga berpotensi menimbulkan konflik sosial.',
      recommendation: 'Agar Kemendagri mendorong Pemda Kota Bekasi memfasilitasi dialog melalui FKUB.',
      by: 'Dewi Lestari, S.H.',
      at: '2026-12-10T02:00:00Z',
    },
    approvals: {
      asdep: { name: 'Dr. Bambang Sutrisno, M.Si.', at: '2026-12-10T03:00:00Z', note: 'Setuju.' },
      deputi: { name: 'Mayjen TNI Ahmad Fauzi', at: '2026-12-10T04:00:00Z' },
    },
    letter: {
      number: 'B-412/Menko/Polhukam/HM.02.01/12/2026',
      date: '2026-12-07T02:00:00Z',
      addressee: 'Menteri Dalam Negeri Republik Indonesia',
      signatory: 'Prof. Dr. Nama Menko',
    },
    ...overrides,
  };
}

/** The same case with EVIL in every piece of text a person typed. */
function evilData(): DocumentData {
  const d = fullData();
  return {
    ...d,
    complaint: {
      ...d.complaint,
      subject: `Subjek ${EVIL}`,
      description: `Uraian ${EVIL}`,
      location: `Lokasi ${EVIL}`,
      categoryLabel: `Kategori ${EVIL}`,
    },
    reporterName: `${REPORTER} ${EVIL}`,
    forward: { categoryLabel: `Kategori ${EVIL}`, analysis: `Analisis ${EVIL}`, by: `UPP ${EVIL}` },
    validate: { note: `Catatan ${EVIL}`, by: `Sesdep ${EVIL}` },
    dispose: { ...d.dispose!, asdepName: `Asdep ${EVIL}`, asdepUnit: `Unit ${EVIL}`, instruction: `Arahan ${EVIL}`, by: `Deputi ${EVIL}` },
    assign: { ...d.assign!, staffNames: [`Staf ${EVIL}`], instruction: `Tugas ${EVIL}`, by: `Asdep ${EVIL}` },
    study: { ...d.study!, study: `Telaah ${EVIL}`, materials: [`Bahan ${EVIL}`], coordination: `Koordinasi ${EVIL}`, by: `Kabid ${EVIL}` },
    discussion: {
      ...d.discussion!,
      place: `Tempat ${EVIL}`,
      participants: [{ name: `Peserta ${EVIL}`, organization: `Instansi ${EVIL}`, kind: 'kl_terkait' }],
      results: `Hasil ${EVIL}`,
      recommendation: `Rumusan ${EVIL}`,
      by: `Penyusun ${EVIL}`,
    },
    draft: { ...d.draft!, addressee: `Yth ${EVIL}`, findings: `Temuan ${EVIL}`, recommendation: `Rekomendasi ${EVIL}`, by: `Konseptor ${EVIL}` },
    approvals: { asdep: { name: `Asdep ${EVIL}`, at: '2026-12-10T03:00:00Z', note: `Catatan ${EVIL}` } },
    returns: [{ by: `Deputi ${EVIL}`, at: '2026-12-10T03:30:00Z', reason: `Alasan ${EVIL}` }],
    letter: { ...d.letter!, number: `B-1/${EVIL}`, addressee: `Menteri ${EVIL}`, signatory: `Menko ${EVIL}`, tembusan: [`Tembusan ${EVIL}`] },
  };
}

const render = (kind: DocumentKind, overrides: Partial<DocumentData> = {}): string => renderDocument(kind, fullData(overrides)).html;

function expectAll(html: string, needles: readonly string[]): void {
  for (const n of needles) expect(html).toContain(n);
}

describe('renderDocument: every kind', () => {
  it.each(KINDS)('%s is a complete, standalone, printable HTML5 page', (kind) => {
    const doc = renderDocument(kind, fullData({ version: 3 }));
    expect(doc.kind).toBe(kind);
    expect(doc.title).toContain('KB-7KQM-4XPA');
    expect(doc.title).toContain('Versi 3');
    expect(doc.html.startsWith('<!DOCTYPE html>\n<html lang="id">')).toBe(true);
    expectAll(doc.html, [
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '@page{size:A4;margin:2cm}',
      '@media print{',
      'KB-7KQM-4XPA',
      'Versi 3',
      '</html>',
    ]);
    expect(doc.html).toContain(`<title>${doc.title}</title>`);
    // No script, no external resource, no triple-escaped leftovers.
    expect(doc.html).not.toMatch(/<script|<link|<img|src=|\{\{/);
  });

  it('the letter is set in a serif face, the sheets in sans-serif', () => {
    expect(render('surat_rekomendasi')).toContain('<body class="letter">');
    for (const kind of KINDS.filter((k) => k !== 'surat_rekomendasi')) expect(render(kind)).toContain('<body class="sheet">');
    expect(render('tanda_terima')).toMatch(/body\.letter\{font-family:"Bookman Old Style","Times New Roman"[^}]*serif/);
  });

  it('refuses a kind whose step output is missing', () => {
    const d = fullData();
    delete d.dispose;
    expect(() => renderDocument('lembar_disposisi', d)).toThrow(DocumentDataError);
    expect(() => renderDocument('lembar_disposisi', d)).toThrow('lembar_disposisi: missing dispose');
    const e = fullData();
    delete e.letter;
    delete e.draft;
    expect(() => renderDocument('surat_rekomendasi', e)).toThrow('surat_rekomendasi: missing draft, letter');
    expect(() => renderDocument('tanda_terima', fullData({ version: 0 }))).toThrow(RangeError);
  });
});

describe('tanda_terima', () => {
  it('shows tracking code, date, subject, channel and how to follow the status', () => {
    const html = render('tanda_terima');
    expectAll(html, [
      'Tanda Terima Pengaduan Masyarakat',
      '<th scope="row">Kode Pelacakan</th><td class="sep">:</td><td>KB-7KQM-4XPA</td>',
      '<th scope="row">Tanggal Diterima</th><td class="sep">:</td><td>7 Desember 2026 pukul 09.00 WIB</td>',
      '<td>Penolakan pendirian rumah ibadah di Kelurahan Sukamaju</td>',
      '<td>Daring (formulir web)</td>',
      '<td>5 Desember 2026</td>',
      'Status penanganan pengaduan dapat diikuti',
      'halaman Lacak Pengaduan (<a href="https://pengaduan-kesbang.example.go.id/lacak">',
      `<th scope="row">Nama Pelapor</th><td class="sep">:</td><td>${REPORTER}</td>`,
    ]);
  });

  it('shows the reporter name only when given, and never for an anonymous complaint', () => {
    expect(render('tanda_terima', { reporterName: undefined })).not.toContain('Nama Pelapor');
    const d = fullData();
    const anon = renderDocument('tanda_terima', { ...d, complaint: { ...d.complaint, confidentiality: 'anonim' } }).html;
    expect(anon).not.toContain(REPORTER);
    expect(anon).not.toContain('Nama Pelapor');
    expect(anon).toContain('identitas pelapor dijaga kerahasiaannya');
  });

  it('refuses a tracking URL that is not http(s)', () => {
    expect(() => render('tanda_terima', { trackUrl: 'javascript:alert(1)' })).toThrow(/Not an http\(s\) URL/);
  });
});

describe('lembar_disposisi', () => {
  it("has the Deputi's disposition in the government table", () => {
    const html = render('lembar_disposisi');
    expectAll(html, [
      'Lembar Disposisi',
      '<th scope="row">Nomor Agenda</th><td>KB-7KQM-4XPA</td>',
      '<th scope="row">Tanggal Terima</th><td>7 Desember 2026 pukul 09.00 WIB</td>',
      '<th scope="row">Sifat</th><td>Segera</td>',
      '<th scope="row">Perihal</th><td>Penolakan pendirian rumah ibadah di Kelurahan Sukamaju</td>',
      '<th scope="row">Diteruskan kepada</th><td><div><strong>Asisten Deputi Koordinasi Kerukunan Umat Beragama</strong></div><div>Dr. Bambang Sutrisno, M.Si.</div></td>',
      '<th scope="row">Isi Disposisi</th><td class="text"><p>Pelajari dan koordinasikan dengan Kemenag serta Pemda Kota Bekasi.</p></td>',
      'Deputi Bidang Koordinasi Kesatuan Bangsa,',
      '<div class="name">Mayjen TNI Ahmad Fauzi</div>',
    ]);
  });

  it("adds the Asdep's onward disposition to the Kabid/JF when there is one", () => {
    const html = render('lembar_disposisi');
    expectAll(html, [
      'Disposisi Asisten Deputi',
      '<ol><li>Dewi Lestari, S.H.</li><li>Agus Salim, S.Sos.</li></ol>',
      'Siapkan telaahan dan bahan rapat koordinasi.',
      '<th scope="row">Rapat Internal Staf Pimpinan</th><td>Diajukan',
      '<div>7 Desember 2026</div>\n<div>Asisten Deputi Koordinasi Kerukunan Umat Beragama,</div>',
    ]);
    const d = fullData();
    expect(render('lembar_disposisi', { assign: { ...d.assign!, leadershipMeeting: false } })).toContain('<td>Tidak diajukan</td>');
    expect(render('lembar_disposisi', { assign: undefined })).not.toContain('Disposisi Asisten Deputi');
  });

  it.each([
    ['biasa', 'Biasa'],
    ['sangat_segera', 'Sangat Segera'],
  ] as const)('Sifat %s', (priority, label) => {
    const d = fullData();
    expect(render('lembar_disposisi', { dispose: { ...d.dispose!, priority } })).toContain(`<th scope="row">Sifat</th><td>${label}</td>`);
  });
});

describe('telaahan_staf', () => {
  it('follows the staff-study format', () => {
    const html = render('telaahan_staf');
    expectAll(html, [
      'Telaahan Staf',
      '<th scope="row">Kepada</th><td class="sep">:</td><td>Yth. Asisten Deputi Koordinasi Kerukunan Umat Beragama</td>',
      '<th scope="row">Dari</th><td class="sep">:</td><td>Dewi Lestari, S.H.</td>',
      '<th scope="row">Tanggal</th><td class="sep">:</td><td>8 Desember 2026</td>',
      '<th scope="row">Perihal</th>',
      'I. Persoalan',
      'II. Praanggapan dan Fakta-fakta',
      'III. Analisis',
      'IV. Kesimpulan dan Saran',
      'Bahan-bahan',
      '<ol><li>PBG No. 640/123/2026</li><li>Peraturan Bersama Menteri Agama dan Menteri Dalam Negeri No. 9 dan 8 Tahun 2006</li></ol>',
      '<p>Pembangunan rumah ibadah telah memperoleh PBG dari Pemda.</p><p>Penolakan datang dari sebagian warga RW 05.</p>',
      'Telah dikoordinasikan dengan Kanwil Kemenag Jawa Barat melalui telepon.',
      'Pengaduan terkait kerukunan umat beragama; perlu koordinasi dengan Kemenag dan Pemda.',
      'rapat internal staf pimpinan',
    ]);
  });

  it('says so when there are no materials', () => {
    const d = fullData();
    expect(render('telaahan_staf', { study: { ...d.study!, materials: [] } })).toContain('<p>Tidak ada.</p>');
  });
});

describe('hasil_pembahasan', () => {
  it('lists date, place, participants grouped by kind, results and the draft recommendation', () => {
    const html = render('hasil_pembahasan');
    expectAll(html, [
      'Hasil Pembahasan Penanganan Pengaduan Masyarakat',
      '<td>Rabu, 9 Desember 2026</td>',
      '<td>Ruang Rapat Deputi V, Lantai 3</td>',
      '<p>Disepakati dialog difasilitasi FKUB Kota Bekasi.<br>Pemda menjamin keamanan pembangunan.</p>',
      'C. Rumusan Rekomendasi',
      'Kemendagri meminta Pemda memfasilitasi dialog melalui FKUB.',
    ]);
    const internal = html.indexOf('Internal Deputi Bidang Koordinasi Kesatuan Bangsa');
    const unit = html.indexOf('Unit Organisasi Terkait di Lingkungan Kemenko Polhukam');
    const kl = html.indexOf('Kementerian/Lembaga Terkait');
    expect(internal).toBeGreaterThan(0);
    expect(unit).toBeGreaterThan(internal);
    expect(kl).toBeGreaterThan(unit);
    // Numbered within each group, in the order given.
    expect(html.slice(internal, unit)).toContain('<td class="no">1</td><td>Dewi Lestari, S.H.</td>');
    expect(html.slice(internal, unit)).toContain('<td class="no">2</td><td>Agus Salim, S.Sos.</td>');
    expect(html.slice(kl)).toContain('<td class="no">1</td><td>Ir. Yusuf Hakim</td><td>Kementerian Agama</td>');
    expect(html.slice(kl)).toContain('<td class="no">2</td><td>Lina Kusuma</td><td>Kementerian Dalam Negeri</td>');
  });

  it('leaves out empty groups and an absent recommendation', () => {
    const d = fullData();
    const html = render('hasil_pembahasan', {
      discussion: { ...d.discussion!, participants: [d.discussion!.participants[1]!], recommendation: undefined, place: undefined },
    });
    expect(html).not.toContain('Internal Deputi Bidang Koordinasi Kesatuan Bangsa');
    expect(html).not.toContain('Rumusan Rekomendasi');
    expect(html).toContain('<th scope="row">Tempat</th><td class="sep">:</td><td>–</td>');
  });
});

describe('konsep_laporan', () => {
  it('shows the draft, the drafter and the approval trail so far, marked KONSEP', () => {
    const html = render('konsep_laporan', {
      version: 2,
      returns: [{ by: 'Mayjen TNI Ahmad Fauzi', at: '2026-12-10T03:30:00Z', reason: 'Rekomendasi perlu lebih operasional.' }],
    });
    expectAll(html, [
      '<div class="watermark" aria-hidden="true">KONSEP</div>',
      '<span class="badge">KONSEP</span>',
      'Laporan Hasil Penanganan Pengaduan Masyarakat',
      'Versi 2',
      '<td>Menteri Dalam Negeri Republik Indonesia</td>',
      '<th scope="row">Konseptor</th><td class="sep">:</td><td>Dewi Lestari, S.H.</td>',
      '<p>Pembangunan rumah ibadah telah sesuai ketentuan.</p><p>Penolakan warga berpotensi menimbulkan konflik sosial.</p>',
      'Agar Kemendagri mendorong Pemda Kota Bekasi memfasilitasi dialog melalui FKUB.',
      '<td>Pemeriksaan Asisten Deputi</td><td>Dr. Bambang Sutrisno, M.Si.</td><td>Disetujui, 10 Desember 2026 pukul 10.00 WIB</td><td class="text"><p>Setuju.</p></td>',
      '<td>Pemeriksaan Deputi</td><td>Mayjen TNI Ahmad Fauzi</td><td>Disetujui, 10 Desember 2026 pukul 11.00 WIB</td>',
      '<td>Persetujuan Menko Polhukam</td><td>&ndash;</td><td>Menunggu</td>',
      'Catatan Pengembalian',
      'Rekomendasi perlu lebih operasional.',
    ]);
  });
});

describe('surat_rekomendasi', () => {
  it('is laid out as an official letter', () => {
    const html = render('surat_rekomendasi');
    expectAll(html, [
      'KEMENTERIAN KOORDINATOR BIDANG POLITIK, HUKUM, DAN KEAMANAN REPUBLIK INDONESIA',
      'Jl. Medan Merdeka Barat No. 15, Jakarta 10110',
      'border-bottom:3px double #000',
      '<p class="letter-date">Jakarta, 7 Desember 2026</p>',
      '<th scope="row">Nomor</th><td>:</td><td>B-412/Menko/Polhukam/HM.02.01/12/2026</td>',
      '<th scope="row">Sifat</th><td>:</td><td>Biasa</td>',
      '<th scope="row">Lampiran</th><td>:</td><td>-</td>',
      '<th scope="row">Hal</th><td>:</td><td>Rekomendasi Penanganan Pengaduan Masyarakat</td>',
      '<div>Yth. Menteri Dalam Negeri Republik Indonesia</div>\n<div>di Tempat</div>',
      'dengan kode pelacakan KB-7KQM-4XPA perihal &ldquo;Penolakan pendirian rumah ibadah di Kelurahan Sukamaju&rdquo;',
      '<p>Pembangunan rumah ibadah telah sesuai ketentuan.</p><p>Penolakan warga berpotensi menimbulkan konflik sosial.</p>',
      'Agar Kemendagri mendorong Pemda Kota Bekasi memfasilitasi dialog melalui FKUB.',
      'Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.',
      'Menteri Koordinator Bidang Politik, Hukum, dan Keamanan,',
      '<div class="name">Prof. Dr. Nama Menko</div>',
      'Tembusan:',
      '<li>Deputi Bidang Koordinasi Kesatuan Bangsa, Kemenko Polhukam</li>',
    ]);
    expect(html).not.toContain('KONSEP');
    expect(html).not.toContain('RAHASIA');
  });

  it('dates the letter in Asia/Jakarta, across midnight', () => {
    const d = fullData();
    const html = render('surat_rekomendasi', { letter: { ...d.letter!, date: '2026-12-31T17:30:00Z' } });
    expect(html).toContain('<p class="letter-date">Jakarta, 1 Januari 2027</p>');
  });

  it.each([
    ['biasa', 'Biasa'],
    ['rahasia', 'Rahasia'],
    ['anonim', 'Rahasia'],
  ] as const)('Sifat for a %s complaint is %s', (confidentiality, sifat) => {
    const d = fullData();
    const html = renderDocument('surat_rekomendasi', { ...d, complaint: { ...d.complaint, confidentiality } }).html;
    expect(html).toContain(`<th scope="row">Sifat</th><td>:</td><td>${sifat}</td>`);
    expect(html.includes('<p class="classification">RAHASIA</p>')).toBe(sifat === 'Rahasia');
  });

  it('counts attachments, takes the signatory from the Menko approval, adds copies', () => {
    const d = fullData();
    const html = render('surat_rekomendasi', {
      letter: { ...d.letter!, attachments: 1, signatory: undefined, addresseeLocation: 'Jakarta', tembusan: ['Menteri Agama'] },
      approvals: { ...d.approvals, menko: { name: 'Jenderal (Purn.) Menko Polhukam', at: '2026-12-10T06:00:00Z' } },
    });
    expectAll(html, [
      '<td>1 (satu) berkas</td>',
      '<div>di Jakarta</div>',
      '<div class="name">Jenderal (Purn.) Menko Polhukam</div>',
      '<ol><li>Deputi Bidang Koordinasi Kesatuan Bangsa, Kemenko Polhukam</li><li>Menteri Agama</li></ol>',
    ]);
    expect(render('surat_rekomendasi', { letter: { ...d.letter!, attachments: 12 } })).toContain('<td>12 (dua belas) berkas</td>');
  });
});

describe('confidentiality and identity', () => {
  it("prints the reporter's name on the receipt and nowhere else", () => {
    for (const kind of KINDS) {
      const html = render(kind);
      expect([kind, html.includes(REPORTER)]).toEqual([kind, kind === 'tanda_terima']);
    }
  });

  it('marks internal documents of a confidential or anonymous complaint RAHASIA at top and bottom', () => {
    for (const confidentiality of ['rahasia', 'anonim'] as const) {
      const d = fullData();
      for (const kind of KINDS.filter((k) => k !== 'tanda_terima')) {
        const html = renderDocument(kind, { ...d, complaint: { ...d.complaint, confidentiality } }).html;
        expect(html.match(/<p class="classification( bottom)?">RAHASIA<\/p>/g)).toHaveLength(2);
      }
    }
    expect(render('lembar_disposisi')).not.toContain('RAHASIA');
  });
});

describe('escaping of user text', () => {
  it.each(KINDS)('%s escapes every field a person typed', (kind) => {
    const html = renderDocument(kind, evilData()).html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</script>');
    expect(html).not.toContain('"quotes"');
    expect(html).toContain(EVIL_ESCAPED);
  });

  it('escapes in the title too, which stays plain text in RenderedDocument', () => {
    const d = fullData();
    const doc = renderDocument('tanda_terima', { ...d, complaint: { ...d.complaint, trackingCode: 'KB-<b>&' } });
    expect(doc.title).toContain('KB-<b>&');
    expect(doc.html).toContain('<title>Tanda Terima Pengaduan KB-&lt;b&gt;&amp; (Versi 1)</title>');
  });

  it.each(KINDS)('%s: every occurrence of the evil text is the escaped form', (kind) => {
    const html = renderDocument(kind, evilData()).html;
    const raw = html.split('alert(1)').length - 1;
    const escaped = html.split(EVIL_ESCAPED).length - 1;
    expect(raw).toBeGreaterThan(0);
    expect(escaped).toBe(raw);
  });

  it('the template sources have no triple-stash and never turn escaping off', () => {
    const dir = join(__dirname, '../../functions/src/documents');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect([file, text.includes('{{{')]).toEqual([file, false]);
      expect([file, /noEscape\s*:/.test(text)]).toEqual([file, false]);
      const imports = [...text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(imports.filter((m) => /firebase|@google-cloud|firestore/.test(m ?? ''))).toEqual([]);
    }
  });
});

describe('version and paragraphs', () => {
  it.each(KINDS)('%s shows its version number', (kind) => {
    const html = render(kind, { version: 4 });
    expect(html).toContain('&middot; KB-7KQM-4XPA &middot; Versi 4 &middot;');
    // The letter goes out of the office: its version is in the small print only.
    expect(html.includes('<p class="doc-subtitle">Versi 4</p>')).toBe(kind !== 'surat_rekomendasi');
  });

  it('multi-line text keeps its paragraphs and line breaks', () => {
    expect(multilineHtml('Satu\nbaris dua\r\n\r\n\n  Dua  \n\n')).toBe('<p>Satu<br>baris dua</p><p>Dua</p>');
    expect(multilineHtml('a <b>\n\nc & d')).toBe('<p>a &lt;b&gt;</p><p>c &amp; d</p>');
    expect(render('telaahan_staf')).toContain(
      '<p>Sekelompok warga menghalangi pembangunan gereja yang telah memiliki IMB.<br>Spanduk penolakan dipasang di depan lokasi.</p><p>Warga meminta pemerintah memfasilitasi dialog.</p>',
    );
  });
});

describe('date formatting in Asia/Jakarta', () => {
  it('long date and date-time', () => {
    expect(formatTanggal('2026-12-07T02:00:00Z')).toBe('7 Desember 2026');
    expect(formatTanggalWaktu('2026-12-07T02:00:00Z')).toBe('7 Desember 2026 pukul 09.00 WIB');
    expect(formatTanggalWaktu('2026-12-07T09:05:00+07:00')).toBe('7 Desember 2026 pukul 09.05 WIB');
  });

  it('across the Jakarta midnight', () => {
    expect(formatTanggal('2026-12-31T17:30:00Z')).toBe('1 Januari 2027');
    expect(formatTanggalWaktu('2026-12-31T17:30:00Z')).toBe('1 Januari 2027 pukul 00.30 WIB');
    expect(formatTanggalWaktu('2026-12-31T16:59:00Z')).toBe('31 Desember 2026 pukul 23.59 WIB');
    expect(formatTanggalWaktu('2026-12-31T17:00:00Z')).toBe('1 Januari 2027 pukul 00.00 WIB');
    expect(formatDateTimeEn('2026-12-31T17:30:00Z')).toBe('1 January 2027, 00:30 WIB (UTC+7)');
    expect(formatDateEn('2027-02-28T18:00:00Z')).toBe('1 March 2027');
  });

  it('every month name', () => {
    const names = Array.from({ length: 12 }, (_, m) => formatTanggal(`2026-${String(m + 1).padStart(2, '0')}-15`).split(' ')[1]);
    expect(names).toEqual(['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']);
  });

  it('a calendar date is not shifted, and has a weekday', () => {
    expect(formatTanggal('2026-12-07')).toBe('7 Desember 2026');
    expect(formatTanggalWaktu('2026-12-07')).toBe('7 Desember 2026');
    expect(formatHariTanggal('2026-12-07')).toBe('Senin, 7 Desember 2026');
    expect(formatHariTanggal('2026-12-06T17:00:00Z')).toBe('Senin, 7 Desember 2026');
  });

  it('refuses what is not a date', () => {
    expect(() => formatTanggal('kemarin')).toThrow(RangeError);
    expect(() => formatTanggal('2026-02-30')).toThrow(RangeError);
  });

  it('terbilang', () => {
    expect([1, 2, 10, 11, 12, 19, 20, 21, 100, 111, 250, 1000, 1999, 25000].map(terbilang)).toEqual([
      'satu',
      'dua',
      'sepuluh',
      'sebelas',
      'dua belas',
      'sembilan belas',
      'dua puluh',
      'dua puluh satu',
      'seratus',
      'seratus sebelas',
      'dua ratus lima puluh',
      'seribu',
      'seribu sembilan ratus sembilan puluh sembilan',
      'dua puluh lima ribu',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

const TASK: NewTaskMail = {
  recipientName: 'Dewi Lestari, S.H.',
  trackingCode: 'KB-7KQM-4XPA',
  subject: 'Penolakan pendirian rumah ibadah di Kelurahan Sukamaju',
  step: 6,
  dueAt: '2026-12-08T02:00:00Z',
  caseUrl: 'https://pengaduan-kesbang.example.go.id/staf/kasus/c-0001',
};

const MAILS: readonly MailInput[] = [
  {
    template: 'reporterStatus',
    data: {
      reporterName: REPORTER,
      trackingCode: 'KB-7KQM-4XPA',
      status: 'didisposisi',
      at: '2026-12-07T03:00:00Z',
      trackUrl: 'https://pengaduan-kesbang.example.go.id/lacak?kode=KB-7KQM-4XPA&token=abc',
    },
  },
  { template: 'newTask', data: TASK },
  { template: 'reminder', data: { ...TASK, minutesLeft: 30 } },
  { template: 'breach', data: { ...TASK, recipientName: 'Dr. Bambang Sutrisno, M.Si.', assigneeNames: ['Dewi Lestari, S.H.', 'Agus Salim, S.Sos.'], minutesLate: 45 } },
];

const DECLINED: ReporterStatusMail = {
  trackingCode: 'KB-7KQM-4XPA',
  status: 'ditolak',
  decline: {
    reason: 'bukan_kewenangan',
    explanation: 'Pengaduan mengenai sengketa tanah waris merupakan kewenangan pengadilan.\n\nSilakan mengajukan gugatan ke Pengadilan Negeri setempat.',
  },
  trackUrl: 'https://pengaduan-kesbang.example.go.id/lacak',
};

describe('renderMail: every template, both languages', () => {
  const cases = MAILS.flatMap((m) => (['id', 'en'] as const).map((lang) => [m.template, lang, m] as const));

  it.each(cases)('%s (%s) has subject, html and text', (_t, lang, input) => {
    const mail = renderMailInput(input, lang);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toContain('KB-7KQM-4XPA');
    expect(mail.html.startsWith(`<!DOCTYPE html>\n<html lang="${lang}">`)).toBe(true);
    expect(mail.html).toContain('KB-7KQM-4XPA');
    expect(mail.text).toContain('KB-7KQM-4XPA');
    expect(mail.text).not.toMatch(/<[a-z]/i);
    expect(mail.html).not.toMatch(/\{\{|\}\}/);
    expect(mail.text).toContain(lang === 'id' ? 'Mohon tidak membalas e-mail ini.' : 'Please do not reply to this e-mail.');
  });

  it('covers every template', () => {
    const all: MailTemplate[] = ['reporterStatus', 'newTask', 'reminder', 'breach'];
    expect(MAILS.map((m) => m.template)).toEqual(all);
  });
});

describe('reporterStatus', () => {
  it('greets by name, gives the status label and description and the tracking link', () => {
    const mail = renderMail('reporterStatus', MAILS[0]!.data as ReporterStatusMail);
    const s = PUBLIC_STATUS_TEXT.didisposisi.id;
    expect(mail.subject).toBe('[KB-7KQM-4XPA] Status pengaduan: Didisposisi');
    expectAll(mail.text, [`Yth. ${REPORTER},`, s.label, s.description, 'https://pengaduan-kesbang.example.go.id/lacak?kode=KB-7KQM-4XPA&token=abc']);
    expectAll(mail.html, [`Yth. ${REPORTER},`, s.description, 'href="https://pengaduan-kesbang.example.go.id/lacak?kode&#x3D;KB-7KQM-4XPA&amp;token&#x3D;abc"']);
    const en = renderMail('reporterStatus', MAILS[0]!.data as ReporterStatusMail, 'en');
    expect(en.subject).toBe('[KB-7KQM-4XPA] Complaint status: Assigned');
    expectAll(en.text, [`Dear ${REPORTER},`, PUBLIC_STATUS_TEXT.didisposisi.en.description]);
  });

  it('says "Bapak/Ibu" when no name is given', () => {
    expect(renderMail('reporterStatus', DECLINED).text).toContain('Yth. Bapak/Ibu,');
    expect(renderMail('reporterStatus', DECLINED, 'en').text).toContain('Dear Sir or Madam,');
  });

  it('a declined complaint carries the reason and the explanation', () => {
    const mail = renderMail('reporterStatus', DECLINED);
    expectAll(mail.text, [
      'Ditolak',
      DECLINE_REASON_LABELS.bukan_kewenangan.id,
      'Penjelasan:',
      'Pengaduan mengenai sengketa tanah waris merupakan kewenangan pengadilan.',
      'Silakan mengajukan gugatan ke Pengadilan Negeri setempat.',
    ]);
    expect(mail.html).toContain(
      '<p>Pengaduan mengenai sengketa tanah waris merupakan kewenangan pengadilan.</p><p>Silakan mengajukan gugatan ke Pengadilan Negeri setempat.</p>',
    );
    const en = renderMail('reporterStatus', { ...DECLINED, decline: { ...DECLINED.decline!, reason: 'duplikat', duplicateOf: 'KB-2345-6789' } }, 'en');
    expectAll(en.text, ['Declined', DECLINE_REASON_LABELS.duplikat.en, 'KB-2345-6789', 'Explanation:', 'Pengaduan mengenai sengketa tanah waris']);
  });

  it('refuses a tracking link that is not http(s)', () => {
    expect(() => renderMail('reporterStatus', { ...DECLINED, trackUrl: 'javascript:alert(1)' })).toThrow(/Not an http\(s\) URL/);
  });
});

describe('staff e-mails', () => {
  it('newTask: step number and title from the SOP, tracking code, subject, due time, link', () => {
    const mail = renderMail('newTask', TASK);
    expect(mail.subject).toBe(`[Tugas baru] Langkah 6 · ${stepDef(6).title.id} · KB-7KQM-4XPA`);
    expectAll(mail.text, [
      'Langkah 6 dari 11: Telaahan staf',
      'Penolakan pendirian rumah ibadah di Kelurahan Sukamaju',
      '8 Desember 2026 pukul 09.00 WIB',
      'https://pengaduan-kesbang.example.go.id/staf/kasus/c-0001',
    ]);
    expect(renderMail('newTask', TASK, 'en').text).toContain('Step 6 of 11: Staff study');
  });

  it('newTask after a return gives the reason', () => {
    const mail = renderMail('newTask', { ...TASK, step: 8, returned: { reason: 'Rekomendasi perlu lebih operasional.', by: 'Dr. Bambang Sutrisno, M.Si.' } });
    expect(mail.subject).toContain('[Dikembalikan] Langkah 8');
    expectAll(mail.text, ['Alasan pengembalian:', 'Rekomendasi perlu lebih operasional.', 'Dikembalikan oleh', 'Dr. Bambang Sutrisno, M.Si.']);
  });

  it('reminder: "tersisa N menit"', () => {
    const mail = renderMail('reminder', { ...TASK, minutesLeft: 30 });
    expect(mail.subject).toContain('tersisa 30 menit');
    expect(mail.text).toContain('tersisa 30 menit');
    expect(mail.html).toContain('tersisa 30 menit');
    expect(renderMail('reminder', { ...TASK, minutesLeft: 30 }, 'en').text).toContain('30 minutes left');
  });

  it('breach: the case, the step, the assignee, the due time, minutes late', () => {
    const mail = renderMail('breach', {
      ...TASK,
      dueAt: '2026-12-31T17:30:00Z',
      recipientName: 'Dr. Bambang Sutrisno, M.Si.',
      assigneeNames: ['Dewi Lestari, S.H.', 'Agus Salim, S.Sos.'],
      minutesLate: 45,
    });
    expect(mail.subject).toContain('[Terlambat] Langkah 6');
    expectAll(mail.text, [
      'Yth. Dr. Bambang Sutrisno, M.Si.,',
      'KB-7KQM-4XPA',
      'Langkah 6 dari 11: Telaahan staf',
      'Dewi Lestari, S.H., Agus Salim, S.Sos.',
      '1 Januari 2027 pukul 00.30 WIB',
      'terlambat 45 menit',
    ]);
  });

  it('a staff deadline of null is shown as not set', () => {
    expect(renderMail('newTask', { ...TASK, dueAt: null }).text).toContain('tidak ditentukan');
  });
});

describe('e-mail escaping', () => {
  const evilTask: NewTaskMail = { ...TASK, recipientName: `Nama ${EVIL}`, subject: `Perihal ${EVIL}`, returned: { reason: `Alasan ${EVIL}`, by: `Asdep ${EVIL}` } };
  const inputs: MailInput[] = [
    { template: 'reporterStatus', data: { ...DECLINED, reporterName: `Nama ${EVIL}`, decline: { ...DECLINED.decline!, explanation: `Penjelasan ${EVIL}` } } },
    { template: 'newTask', data: evilTask },
    { template: 'reminder', data: { ...evilTask, minutesLeft: 10 } },
    { template: 'breach', data: { ...evilTask, assigneeNames: [`Staf ${EVIL}`], minutesLate: 5 } },
  ];
  const cases = inputs.flatMap((m) => (['id', 'en'] as const).map((lang) => [m.template, lang, m] as const));

  it.each(cases)('%s (%s): html escapes user text; text shows it as typed', (_t, lang, input) => {
    const mail = renderMailInput(input, lang);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('"quotes"');
    expect(mail.html).toContain(EVIL_ESCAPED);
    // text/plain is never interpreted as markup: the characters are shown as typed.
    expect(mail.text).toContain(EVIL);
  });
});

// ---------------------------------------------------------------------------------------------
// Type-level checks (compiled by `tsc -p tsconfig.json`): the staff e-mails' data has no field
// for the reporter's identity, at any depth; documents take the schema's own payload shapes.
// ---------------------------------------------------------------------------------------------

type DeepKeys<T> = T extends readonly (infer U)[]
  ? DeepKeys<U>
  : T extends object
    ? { [K in keyof T & string]-?: K | DeepKeys<NonNullable<T[K]>> }[keyof T & string]
    : never;
type IdentityKey = `${string}reporter${string}` | `${string}nik${string}` | `${string}email${string}` | `${string}phone${string}`;
type HasIdentityField<T> = [Extract<Lowercase<DeepKeys<T>>, IdentityKey>] extends [never] ? false : true;
type Assignable<A, B> = [A] extends [B] ? true : false;

describe('types', () => {
  it('staff e-mail data has no field named reporter (or any other identity field)', () => {
    const staff: [HasIdentityField<NewTaskMail>, HasIdentityField<ReminderMail>, HasIdentityField<BreachMail>] = [false, false, false];
    // The check can fail: the reporter's own mail does have such a field.
    const reporter: HasIdentityField<ReporterStatusMail> = true;
    expect(staff).toEqual([false, false, false]);
    expect(reporter).toBe(true);
  });

  it('document step outputs accept the action payloads as validated', () => {
    const participant: Assignable<ActionPayloads['recordDiscussion']['participants'][number], Participant> = true;
    const priority: Assignable<ActionPayloads['dispose']['priority'], NonNullable<DocumentData['dispose']>['priority']> = true;
    expect([participant, priority]).toEqual([true, true]);
  });
});
