/** zod schemas: the public submission and action payloads, with field paths and ID/EN messages. */
import {
  ACTION_SCHEMAS,
  TRACKING_CODE_RE,
  parseWith,
  publicSubmissionSchema,
  recordedSubmissionSchema,
} from '../../functions/src/schemas';
import { PAYLOADS } from './helpers';

const valid = {
  subject: 'Konflik antarwarga di Desa X',
  description: 'Terjadi bentrokan antarwarga karena sengketa lahan yang dipicu isu SARA sejak minggu lalu.',
  category: 'konflik_sosial',
  confidentiality: 'biasa',
  reporter: { name: 'Siti Aminah', email: 'siti@example.id', nik: '3171234567890123' },
  consent: true,
};

describe('public submission', () => {
  it('accepts a complete submission and fills defaults', () => {
    const r = parseWith(publicSubmissionSchema, valid, 'id');
    expect(r).toEqual({ ok: true, value: { ...valid, lang: 'id' } });
  });

  it('names every wrong field, in Indonesian', () => {
    const r = parseWith(publicSubmissionSchema, { subject: 'x', description: 'pendek', reporter: { name: 'Al', nik: '123', email: 'bukan-email' } }, 'id');
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: 'subject', message: 'Minimal 5 karakter.' },
        { path: 'description', message: 'Minimal 30 karakter.' },
        { path: 'reporter.name', message: 'Minimal 3 karakter.' },
        { path: 'reporter.nik', message: 'NIK harus 16 angka.' },
        { path: 'reporter.email', message: 'Alamat e-mail tidak valid.' },
        { path: 'consent', message: 'Anda harus menyetujui pernyataan kebenaran dan penggunaan data.' },
      ],
    });
  });

  it('speaks English on request', () => {
    const r = parseWith(publicSubmissionSchema, { ...valid, reporter: undefined }, 'en');
    expect(r).toEqual({ ok: false, errors: [{ path: 'reporter', message: "The reporter's identity is required unless the complaint is anonymous." }] });
  });

  it('requires a contact for a named reporter, and no identity for an anonymous one', () => {
    expect(parseWith(publicSubmissionSchema, { ...valid, reporter: { name: 'Siti Aminah' } }, 'id')).toEqual({
      ok: false,
      errors: [{ path: 'reporter.email', message: 'Isi e-mail atau nomor telepon agar kami dapat menghubungi Anda.' }],
    });
    const anon = { ...valid, confidentiality: 'anonim' };
    expect(parseWith(publicSubmissionSchema, anon, 'id')).toEqual({
      ok: false,
      errors: [{ path: 'reporter', message: 'Pengaduan anonim tidak boleh menyertakan identitas pelapor.' }],
    });
    const { reporter: _r, ...noReporter } = anon;
    expect(parseWith(publicSubmissionSchema, noReporter, 'id').ok).toBe(true);
  });

  it('refuses unknown fields, a future incident date and a public channel override', () => {
    const r = parseWith(publicSubmissionSchema, { ...valid, channel: 'walkin', incidentDate: '2999-01-01' }, 'id');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: 'channel', message: 'Isian tidak dikenal.' },
      { path: 'incidentDate', message: 'Tanggal tidak boleh di masa depan.' },
    ]);
    const r2 = parseWith(publicSubmissionSchema, { ...valid, incidentDate: '2999-01-01' }, 'id');
    expect(r2).toEqual({ ok: false, errors: [{ path: 'incidentDate', message: 'Tanggal tidak boleh di masa depan.' }] });
  });

  it('a UPP-recorded complaint needs its channel', () => {
    const { consent: _c, ...rest } = valid;
    expect(parseWith(recordedSubmissionSchema, rest, 'id')).toEqual({
      ok: false,
      errors: [{ path: 'channel', message: 'Wajib dipilih.' }],
    });
    expect(parseWith(recordedSubmissionSchema, { ...rest, channel: 'fax' }, 'id')).toEqual({
      ok: false,
      errors: [{ path: 'channel', message: 'Pilihan tidak valid. Pilih salah satu: walkin, phone, letter.' }],
    });
    expect(parseWith(recordedSubmissionSchema, { ...rest, channel: 'letter', letterNumber: 'B-12/2026' }, 'id').ok).toBe(true);
  });
});

describe('action payloads', () => {
  it.each(Object.keys(ACTION_SCHEMAS))('%s accepts the example payload', (name) => {
    const schema = ACTION_SCHEMAS[name as keyof typeof ACTION_SCHEMAS];
    expect(parseWith(schema, PAYLOADS[name], 'id').ok).toBe(true);
  });

  it('tells a missing field from a wrong one', () => {
    expect(parseWith(ACTION_SCHEMAS.forward, { analysis: 12345678901 }, 'id')).toEqual({
      ok: false,
      errors: [
        { path: 'category', message: 'Wajib dipilih.' },
        { path: 'analysis', message: 'Jenis isian salah (harus teks).' },
      ],
    });
  });

  it('decline as duplicate needs the other tracking code', () => {
    expect(parseWith(ACTION_SCHEMAS.decline, { reason: 'duplikat', explanation: 'Sudah pernah dilaporkan.' }, 'id')).toEqual({
      ok: false,
      errors: [{ path: 'duplicateOf', message: 'Sebutkan kode pelacakan pengaduan yang sama.' }],
    });
    const ok = parseWith(ACTION_SCHEMAS.decline, { reason: 'duplikat', explanation: 'Sudah pernah dilaporkan.', duplicateOf: 'kb-abcd-efgh' }, 'id');
    expect(ok).toEqual({ ok: true, value: { reason: 'duplikat', explanation: 'Sudah pernah dilaporkan.', duplicateOf: 'KB-ABCD-EFGH' } });
  });

  it('assign refuses the same staff member twice and an empty list', () => {
    const dup = parseWith(ACTION_SCHEMAS.assign, { staffUids: ['a', 'a'], instruction: 'Kerjakan.' }, 'id');
    expect(dup).toEqual({ ok: false, errors: [{ path: 'staffUids', message: 'Setiap petugas hanya boleh dipilih sekali.' }] });
    const none = parseWith(ACTION_SCHEMAS.assign, { staffUids: [], instruction: 'Kerjakan.' }, 'en');
    expect(none).toEqual({ ok: false, errors: [{ path: 'staffUids', message: 'Choose at least 1 entries.' }] });
  });

  it('discussion participants are checked one by one with their index in the path', () => {
    const r = parseWith(ACTION_SCHEMAS.recordDiscussion, { ...PAYLOADS.recordDiscussion, participants: [{ name: 'A', organization: 'Kemendagri', kind: 'kl' }] }, 'id');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['participants[0].name', 'participants[0].kind']);
  });

  it('tracking codes avoid ambiguous characters', () => {
    expect(TRACKING_CODE_RE.test('KB-7QX4-M9RT')).toBe(true);
    expect(TRACKING_CODE_RE.test('KB-7QX0-M9RT')).toBe(false);
    expect(TRACKING_CODE_RE.test('KB-7QXI-M9RT')).toBe(false);
  });
});
