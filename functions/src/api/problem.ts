/** RFC 9457 problem details (`application/problem+json`), in the caller's language. */
import type { Request, Response } from 'express';
import type { FieldError, Lang } from '../schemas/i18n';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TITLES: Record<number, { id: string; en: string }> = {
  400: { id: 'Permintaan tidak valid', en: 'Bad request' },
  401: { id: 'Perlu masuk', en: 'Authentication required' },
  403: { id: 'Tidak diizinkan', en: 'Forbidden' },
  404: { id: 'Tidak ditemukan', en: 'Not found' },
  405: { id: 'Metode tidak diizinkan', en: 'Method not allowed' },
  409: { id: 'Konflik versi', en: 'Conflict' },
  413: { id: 'Permintaan terlalu besar', en: 'Payload too large' },
  415: { id: 'Jenis isi tidak didukung', en: 'Unsupported media type' },
  422: { id: 'Tidak dapat diproses', en: 'Unprocessable' },
  500: { id: 'Kesalahan server', en: 'Server error' },
};

export function langOf(req: Request): Lang {
  const q = typeof req.query.lang === 'string' ? req.query.lang : '';
  if (q === 'en' || q === 'id') return q;
  const header = req.get('accept-language') ?? '';
  return /^en\b/i.test(header.trim()) ? 'en' : 'id';
}

export function problem(
  res: Response,
  lang: Lang,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; [k: string]: unknown } = {},
): void {
  const body: Problem = {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: (TITLES[status] ?? TITLES[500])[lang],
    status,
    detail,
    code,
    ...extra,
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}
