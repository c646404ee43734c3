/**
 * Validation messages in plain Bahasa Indonesia (default) or English, with the field path.
 * Schemas carry message *keys* (`@key`) for their own rules; zod's generic issues are
 * phrased here. Pure.
 */
import { z } from 'zod';

export type Lang = 'id' | 'en';

export interface FieldError {
  path: string;
  message: string;
}

const KEYED: Record<string, { id: string; en: string }> = {
  nik: { id: 'NIK harus 16 angka.', en: 'The national ID number (NIK) must be 16 digits.' },
  phone: { id: 'Nomor telepon tidak valid (8–20 angka).', en: 'Invalid phone number (8–20 digits).' },
  consent: {
    id: 'Anda harus menyetujui pernyataan kebenaran dan penggunaan data.',
    en: 'You must accept the statement of truth and data use.',
  },
  reporterRequired: {
    id: 'Identitas pelapor wajib diisi, kecuali untuk pengaduan anonim.',
    en: "The reporter's identity is required unless the complaint is anonymous.",
  },
  contactRequired: {
    id: 'Isi e-mail atau nomor telepon agar kami dapat menghubungi Anda.',
    en: 'Give an e-mail or a phone number so that we can reach you.',
  },
  anonNoIdentity: {
    id: 'Pengaduan anonim tidak boleh menyertakan identitas pelapor.',
    en: 'An anonymous complaint must not include the reporter’s identity.',
  },
  uniqueStaff: { id: 'Setiap petugas hanya boleh dipilih sekali.', en: 'Each staff member may be chosen only once.' },
  trackingCode: { id: 'Kode pelacakan tidak valid.', en: 'Invalid tracking code.' },
  duplicateOfRequired: {
    id: 'Sebutkan kode pelacakan pengaduan yang sama.',
    en: 'Give the tracking code of the same complaint.',
  },
  notFuture: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date may not be in the future.' },
  hhmm: { id: 'Jam harus berformat JJ:MM, misalnya 08:00.', en: 'Time must be HH:MM, e.g. 08:00.' },
  dayOrder: { id: 'Jam selesai harus setelah jam mulai.', en: 'The end of the day must be after its start.' },
  addRemoveOverlap: {
    id: 'Tanggal ini juga tercantum sebagai hari libur tambahan.',
    en: 'This date is also listed as an added day off.',
  },
};

function sizeText(lang: Lang, n: number | bigint, origin: string, kind: 'min' | 'max'): string {
  const num = Number(n);
  if (origin === 'string') {
    if (kind === 'min' && num === 1) return lang === 'id' ? 'Wajib diisi.' : 'Required.';
    return lang === 'id'
      ? `${kind === 'min' ? 'Minimal' : 'Maksimal'} ${num} karakter.`
      : `${kind === 'min' ? 'At least' : 'At most'} ${num} characters.`;
  }
  if (origin === 'array' || origin === 'set') {
    return lang === 'id'
      ? `${kind === 'min' ? 'Pilih minimal' : 'Paling banyak'} ${num} isian.`
      : `${kind === 'min' ? 'Choose at least' : 'At most'} ${num} entries.`;
  }
  return lang === 'id'
    ? `Nilai ${kind === 'min' ? 'minimal' : 'maksimal'} ${num}.`
    : `Value must be ${kind === 'min' ? 'at least' : 'at most'} ${num}.`;
}

/** The message for one issue. Exported for tests. */
export function issueMessage(issue: z.core.$ZodIssue, lang: Lang): string {
  if (issue.message.startsWith('@')) {
    const keyed = KEYED[issue.message.slice(1)];
    if (keyed) return keyed[lang];
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return lang === 'id' ? 'Wajib diisi.' : 'Required.';
      return lang === 'id' ? `Jenis isian salah (harus ${typeName(issue.expected, lang)}).` : `Wrong type (expected ${typeName(issue.expected, lang)}).`;
    case 'too_small':
      return sizeText(lang, issue.minimum, issue.origin, 'min');
    case 'too_big':
      return sizeText(lang, issue.maximum, issue.origin, 'max');
    case 'invalid_format':
      if (issue.format === 'email') return lang === 'id' ? 'Alamat e-mail tidak valid.' : 'Invalid e-mail address.';
      if (issue.format === 'date') return lang === 'id' ? 'Tanggal tidak valid (format TTTT-BB-HH).' : 'Invalid date (format YYYY-MM-DD).';
      if (issue.format === 'datetime') return lang === 'id' ? 'Waktu tidak valid.' : 'Invalid date-time.';
      return lang === 'id' ? 'Format tidak valid.' : 'Invalid format.';
    case 'invalid_value':
      if (issue.input === undefined || issue.input === null || issue.input === '') return lang === 'id' ? 'Wajib dipilih.' : 'Required.';
      return lang === 'id'
        ? `Pilihan tidak valid. Pilih salah satu: ${issue.values.map(String).join(', ')}.`
        : `Invalid choice. Choose one of: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return lang === 'id' ? `Isian tidak dikenal: ${issue.keys.join(', ')}.` : `Unknown field(s): ${issue.keys.join(', ')}.`;
    default:
      return lang === 'id' ? 'Isian tidak valid.' : 'Invalid value.';
  }
}

function typeName(expected: string, lang: Lang): string {
  const id: Record<string, string> = { string: 'teks', number: 'angka', boolean: 'ya/tidak', array: 'daftar', object: 'objek' };
  return lang === 'id' ? id[expected] ?? expected : expected;
}

export function pathString(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], lang: Lang): FieldError[] {
  return issues.flatMap((issue) =>
    // An unknown field is named by its own path, one error each.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathString([...issue.path, key]),
          message: lang === 'id' ? 'Isian tidak dikenal.' : 'Unknown field.',
        }))
      : [{ path: pathString(issue.path), message: issueMessage(issue, lang) }],
  );
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Parse with messages in `lang`; never throws on bad input. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): ParseResult<z.output<S>> {
  // reportInput: the messages tell "missing" from "wrong" (the input never leaves this function).
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: formatIssues(r.error.issues, lang) };
}
