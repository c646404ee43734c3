/**
 * The static portal (hosting/) in a real browser against the running local stack: the
 * public form on a phone-sized screen, tracking, the staff page (sign-in, token refresh,
 * forward, documents, version conflict), English, accessibility (axe-core) and page weight.
 *
 * Needs the stack (`npm start`, or the integration runner) and Debian's chromium
 * (`apt-get install -y chromium`; another binary: CHROMIUM_PATH). Screenshots of every page
 * at 360 px go to /tmp/shots/ (E2E_SHOTS to change).
 */
process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
process.env.GCLOUD_PROJECT ??= 'demo-kesbang';

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { admin, call, HOSTING, makeTeam, PASSWORD, waitFor, type Team, type TestStaff } from '../integration/support';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = process.env.E2E_SHOTS ?? '/tmp/shots';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };

let browser: Browser;
let team: Team;
let upp: TestStaff;

const good = {
  subject: 'Spanduk provokatif di depan rumah ibadah',
  description: 'Sejak Senin terpasang spanduk bernada kebencian terhadap umat agama lain di depan rumah ibadah di kampung kami.',
  location: 'Kelurahan Sukamaju, Kota Bandung, Jawa Barat',
  name: 'Siti Rahmawati',
  email: 'siti.e2e@integration.test',
  phone: '0812 3456 7890',
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  team = await makeTeam('e2e', 'E2E');
  upp = team.upp;
});

afterAll(async () => {
  await browser?.close();
});

/** A phone-sized browser; CSP is bypassed only so that axe-core can be injected. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, bypassCSP: true, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { jsErrors?: string[] }).jsErrors = errors;
  return { context, page };
}

const jsErrors = (page: Page) => (page as Page & { jsErrors?: string[] }).jsErrors ?? [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core violations of impact serious or critical on the current page. */
async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function fillGood(page: Page): Promise<void> {
  await page.fill('#f-subject', good.subject);
  await page.fill('#f-description', good.description);
  await page.selectOption('#f-category', 'kerukunan_umat_beragama');
  await page.fill('#f-location', good.location);
  await page.fill('#f-reporter-name', good.name);
  await page.fill('#f-reporter-email', good.email);
  await page.fill('#f-reporter-phone', good.phone);
  await page.check('#f-consent');
}

async function signIn(page: Page, email: string, hash = ''): Promise<void> {
  await page.goto(`${HOSTING}/petugas.html${hash}`);
  await page.fill('#l-email', email);
  await page.fill('#l-password', PASSWORD);
  await page.click('#l-submit');
  await page.waitForSelector('#view-app:not([hidden])');
}

/** The automatic intake (step 1 → 2) runs in a trigger, just after the submission. */
async function atStep2(id: string): Promise<void> {
  await waitFor(`intake of ${id}`, async () => (await admin().db.doc(`complaints/${id}`).get()).get('step') === 2);
}

/** Open an action's section (a lone action is open already; a click would close it). */
async function openAction(page: Page, action: string): Promise<void> {
  if ((await page.getAttribute(`#act-${action}`, 'open')) === null) await page.click(`#act-${action} summary`);
}

async function complaintIdOf(code: string): Promise<string> {
  return waitFor(`complaint of ${code}`, async () => {
    const snap = await admin().db.collection('trackingCodes').doc(code).get();
    return snap.exists ? String(snap.get('complaintId')) : undefined;
  });
}

const submitted: { code?: string; token?: string; id?: string } = {};

describe('public complaint form (360×740)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await phone());
  });
  afterAll(async () => context.close());

  it('shows each field error in Indonesian next to its field, with a focused summary, and keeps the input', async () => {
    await page.goto(`${HOSTING}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await shot(page, 'index');
    await page.fill('#f-subject', 'abc');
    await page.fill('#f-description', 'terlalu pendek');
    await page.fill('#f-reporter-email', 'bukan-email');
    await page.click('#f-submit');
    await page.waitForSelector('.error-summary');

    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getAttribute('.error-summary', 'role')).toBe('alert');
    expect(await page.textContent('#f-subject-error')).toContain('Minimal 5 karakter.');
    expect(await page.textContent('#f-description-error')).toContain('Minimal 30 karakter.');
    expect(await page.textContent('#f-reporter-name-error')).toContain('Wajib diisi.');
    expect(await page.textContent('#f-reporter-email-error')).toContain('Alamat e-mail tidak valid.');
    expect(await page.textContent('#f-consent-error')).toContain('Anda harus menyetujui');
    expect(await page.getAttribute('#f-subject', 'aria-invalid')).toBe('true');
    expect((await page.getAttribute('#f-subject', 'aria-describedby'))?.split(' ')).toEqual(['f-subject-error', 'f-subject-hint']);
    expect(await page.textContent('.error-summary h2')).toMatch(/^Ada \d+ isian yang perlu diperbaiki$/);
    // a summary link moves focus to its field
    await page.click('.error-summary a[href="#f-reporter-email"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-reporter-email');
    expect(await page.inputValue('#f-subject')).toBe('abc');
    expect(await page.inputValue('#f-reporter-email')).toBe('bukan-email');
    expect(await page.isEnabled('#f-submit')).toBe(true);
    await shot(page, 'index-errors');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('anonymity hides the identity fields and leaves them out', async () => {
    await page.check('#f-conf-anonim');
    expect(await page.isHidden('#f-reporter')).toBe(true);
    expect(await page.isVisible('#anon-note')).toBe(true);
    await page.check('#f-conf-biasa');
    expect(await page.isVisible('#f-reporter')).toBe(true);
  });

  it('keeps the input and says to retry when the network fails', async () => {
    await page.fill('#f-subject', good.subject);
    await context.setOffline(true);
    await page.click('#f-submit');
    await page.waitForSelector('#send-status .alert');
    expect(await page.textContent('#send-status')).toContain('Tidak dapat terhubung ke server');
    expect(await page.inputValue('#f-subject')).toBe(good.subject);
    expect(await page.isEnabled('#f-submit')).toBe(true);
    await context.setOffline(false);
  });

  it('accepts a good complaint and shows the tracking code and access code, once even when an answer is lost', async () => {
    await page.fill('#f-reporter-email', '');
    await fillGood(page);
    // The server files the complaint but its answer never arrives (a weak connection).
    let firstKey = '';
    const complaintsUrl = /\/api\/complaints(\?|$)/;
    await page.route(
      complaintsUrl,
      async (route) => {
        firstKey = route.request().headers()['idempotency-key'] ?? '';
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.click('#f-submit');
    await page.waitForSelector('#send-status .alert');
    expect(firstKey).toMatch(/^[0-9a-f]{32}$/);
    // The retry carries the same key and gets the first answer back, not a second complaint.
    const replay = page.waitForResponse(complaintsUrl);
    await page.click('#f-submit');
    const res = await replay;
    expect(res.request().headers()['idempotency-key']).toBe(firstKey);
    expect([res.status(), res.headers()['idempotent-replayed']]).toEqual([201, 'true']);
    await page.waitForSelector('#result:not([hidden])');
    const code = (await page.textContent('#r-code'))?.trim() ?? '';
    const token = (await page.textContent('#r-token'))?.trim() ?? '';
    expect(code).toMatch(/^KB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(token.length).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('result');
    expect(await page.isHidden('#complaint-form')).toBe(true);
    const href = (await page.getAttribute('#r-link', 'href')) ?? '';
    const url = new URL(href, HOSTING);
    expect(url.pathname).toBe('/lacak.html');
    expect(url.searchParams.get('kode')).toBe(code);
    expect(url.search).not.toContain(token);
    expect(new URLSearchParams(url.hash.slice(1)).get('token')).toBe(token);
    Object.assign(submitted, { code, token });
    await shot(page, 'index-success');
    expect(await seriousViolations(page)).toEqual([]);
    expect(jsErrors(page)).toEqual([]);
  });

  it('the tracking link shows the status "Diterima" and drops the access code from the address', async () => {
    await page.click('#r-link');
    await page.waitForSelector('#res-status');
    expect((await page.textContent('#res-status'))?.trim()).toBe('Diterima');
    expect(await page.inputValue('#t-code')).toBe(submitted.code);
    expect(page.url()).not.toContain('token');
    expect(await page.textContent('#result')).toContain(good.subject);
    expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'lacak');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tracking: an unknown code and a wrong access code get the same answer', async () => {
    const messages: string[] = [];
    for (const [code, token] of [
      [submitted.code!, 'salah-salah-salah'],
      ['KB-2222-2222', submitted.token!],
    ]) {
      await page.goto(`${HOSTING}/lacak.html`);
      await page.fill('#t-code', code.toLowerCase().replace(/-/g, ' '));
      await page.fill('#t-token', token);
      await page.click('#t-submit');
      await page.waitForSelector('#track-status .alert');
      messages.push((await page.textContent('#track-status .alert p')) ?? '');
      expect(await page.isHidden('#result')).toBe(true);
    }
    expect(messages[0]).toBe('Kode pelacakan atau kode akses tidak cocok.');
    expect(messages[1]).toBe(messages[0]);
    await shot(page, 'lacak-not-found');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('staff page', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await phone());
    submitted.id = await complaintIdOf(submitted.code!);
    await atStep2(submitted.id);
  });
  afterAll(async () => context.close());

  it('refuses a wrong password with a message, and signs in the UPP officer', async () => {
    await page.goto(`${HOSTING}/petugas.html`);
    await shot(page, 'petugas-login');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#l-email', upp.email);
    await page.fill('#l-password', 'salah-sekali');
    await page.click('#l-submit');
    await page.waitForSelector('#login-notice .alert');
    expect(await page.textContent('#login-notice')).toContain('E-mail atau kata sandi salah.');
    await page.fill('#l-password', PASSWORD);
    await page.click('#l-submit');
    await page.waitForSelector('#list-count');
    expect(await page.textContent('#who')).toContain('Petugas UPP E2E');
    expect(await page.isVisible('#nav-record')).toBe(true);
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('kesbang.staff') ?? '{}'));
    expect(session.idToken).toBeTruthy();
    expect(session.refreshToken).toBeTruthy();
    await shot(page, 'petugas-list');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refreshes an expired ID token when the API answers 401', async () => {
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('kesbang.staff') ?? '{}');
      sessionStorage.setItem('kesbang.staff', JSON.stringify({ ...s, idToken: 'kedaluwarsa' }));
    });
    await page.reload();
    await page.waitForSelector('#list-count');
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('kesbang.staff') ?? '{}'));
    expect(session.idToken).not.toBe('kedaluwarsa');
    expect(await page.isVisible('#view-login')).toBe(false);
  });

  it('an expired session that cannot be refreshed returns to the sign-in, then to the same page', async () => {
    const other = await context.newPage(); // a tab of its own: its own sessionStorage
    await signIn(other, upp.email, '#daftar/all');
    await other.waitForSelector('#list-count');
    await other.evaluate(() => sessionStorage.setItem('kesbang.staff', JSON.stringify({ idToken: 'x', refreshToken: 'y' })));
    await other.reload();
    await other.waitForSelector('#view-login:not([hidden])');
    expect(await other.textContent('#login-notice')).toContain('Sesi Anda telah berakhir');
    await other.fill('#l-email', upp.email);
    await other.fill('#l-password', PASSWORD);
    await other.click('#l-submit');
    await other.waitForSelector('#list-count');
    expect(await other.getAttribute('.tabs a[aria-current=page]', 'href')).toBe('#daftar/all');
    await other.close();
  });

  it('shows the case with identity, history and documents; a document opens in a new window', async () => {
    await waitFor('receipt document', async () => (await admin().db.collection(`complaints/${submitted.id}/documents`).get()).size > 0);
    await page.goto(`${HOSTING}/petugas.html#kasus/${submitted.id}`);
    await page.waitForSelector('#actions-title');
    expect(await page.textContent('#view h1')).toBe(good.subject);
    expect(await page.textContent('#view')).toContain(good.name);
    expect(await page.textContent('#view')).toContain('Pengaduan dikirim');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.click('.doc-list button')]);
    await popup.waitForURL(/^blob:/);
    await popup.waitForLoadState();
    expect(await popup.title()).toContain(submitted.code!);
    expect(await popup.textContent('body')).toContain(submitted.code!);
    await popup.screenshot({ path: join(SHOTS, 'petugas-document.png'), fullPage: true });
    await popup.close();
    await shot(page, 'petugas-case');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('forward: field errors in Indonesian, then the case moves to the Sesdep', async () => {
    await openAction(page, 'forward');
    // the reporter's category is preselected; take it away to see the error
    expect(await page.inputValue('#a-forward-category')).toBe('kerukunan_umat_beragama');
    await page.selectOption('#a-forward-category', '');
    await page.fill('#a-forward-analysis', 'pendek');
    await page.click('#act-forward button[type=submit]');
    await page.waitForSelector('#act-forward .error-summary');
    expect(await page.textContent('#a-forward-analysis-error')).toContain('Minimal 10 karakter.');
    expect(await page.textContent('#a-forward-category-error')).toContain('Wajib dipilih.');
    await shot(page, 'petugas-forward-errors');
    expect(await seriousViolations(page)).toEqual([]);

    await page.selectOption('#a-forward-category', 'kerukunan_umat_beragama');
    await page.fill('#a-forward-analysis', 'Laporan intoleransi; perlu koordinasi dengan pemerintah daerah dan FKUB setempat.');
    await page.click('#act-forward button[type=submit]');
    await page.waitForSelector('#case-notice .success');
    expect(await page.textContent('#case-notice')).toContain('Berhasil: Teruskan ke Sesdep');
    expect(await page.textContent('#case-notice')).toContain('Diverifikasi');
    expect(await page.locator('#act-forward').count()).toBe(0);
    const doc = await admin().db.doc(`complaints/${submitted.id}`).get();
    expect([doc.get('step'), doc.get('category')]).toEqual([3, 'kerukunan_umat_beragama']);
    await shot(page, 'petugas-forwarded');
    expect(jsErrors(page)).toEqual([]);
  });

  it('the reporter sees "Diverifikasi" on the tracking page', async () => {
    const p2 = await context.newPage();
    await p2.goto(`${HOSTING}/lacak.html?kode=${submitted.code}#token=${submitted.token}`);
    await p2.waitForSelector('#res-status');
    expect((await p2.textContent('#res-status'))?.trim()).toBe('Diverifikasi');
    await p2.close();
  });

  it('a case changed meanwhile answers 409: "diperbarui orang lain", reload keeps going', async () => {
    const created = await call<{ id: string }>('POST', '/complaints', {
      body: { subject: 'Pengaduan untuk uji konflik versi', description: good.description, confidentiality: 'anonim', consent: true },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await atStep2(id);
    await page.goto(`${HOSTING}/petugas.html#kasus/${id}`);
    await page.waitForSelector('#act-decline');
    expect(await page.textContent('#view')).toContain('Identitas pelapor dirahasiakan');
    // someone else forwards it meanwhile
    const v = (await admin().db.doc(`complaints/${id}`).get()).get('version') as number;
    const other = await call('POST', `/cases/${id}/actions`, {
      token: upp.token,
      body: { action: 'forward', version: v, category: 'intoleransi', analysis: 'Diteruskan oleh petugas lain di tab lain.' },
    });
    expect(other.status).toBe(200);
    await openAction(page, 'decline');
    await page.selectOption('#a-decline-reason', 'spam');
    await page.fill('#a-decline-explanation', 'Isi pengaduan tidak memuat permasalahan yang dapat ditindaklanjuti.');
    await page.click('#act-decline button[type=submit]');
    await page.waitForSelector('#act-decline .error-summary');
    expect(await page.textContent('#act-decline .error-summary')).toContain('diperbarui orang lain');
    expect(await page.inputValue('#a-decline-explanation')).toContain('tidak memuat');
    await shot(page, 'petugas-409');
    await page.click('#act-decline .error-summary button');
    await page.waitForSelector('#actions-title + p');
    expect(await page.textContent('#view')).toContain('Validasi oleh Sesdep');
  });

  it('the UPP records a complaint received by phone', async () => {
    await page.goto(`${HOSTING}/petugas.html#catat`);
    await page.waitForSelector('#record-form');
    await page.click('#record-form button[type=submit]');
    await page.waitForSelector('#record-form .error-summary');
    expect(await page.textContent('#c-channel-error')).toContain('Wajib dipilih.');
    expect(await page.textContent('#c-subject-error')).toContain('Wajib diisi.');
    await page.selectOption('#c-channel', 'phone');
    await page.fill('#c-subject', 'Laporan via telepon: bentrokan antarwarga');
    await page.fill('#c-description', 'Penelepon melaporkan bentrokan antarwarga dua desa yang dipicu sengketa lahan pada akhir pekan.');
    await page.fill('#c-reporter-name', 'Budi Santoso');
    await page.fill('#c-reporter-phone', '081298765432');
    await shot(page, 'petugas-record');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#record-form button[type=submit]');
    await page.waitForSelector('#record-result:not([hidden])');
    const code = (await page.textContent('#rec-code'))?.trim() ?? '';
    expect(code).toMatch(/^KB-/);
    const id = await complaintIdOf(code);
    expect((await admin().db.doc(`complaints/${id}`).get()).get('channel')).toBe('phone');
  });
});

describe('the whole SOP through the staff page', () => {
  let context: BrowserContext;
  let page: Page;
  let id: string;
  let code: string;
  let token: string;

  beforeAll(async () => {
    const created = await call<{ id: string; trackingCode: string; accessToken: string }>('POST', '/complaints', {
      body: {
        subject: 'Penolakan pendirian rumah ibadah oleh sekelompok warga',
        description: 'Sekelompok warga menghalangi pembangunan rumah ibadah yang izinnya sudah lengkap dan mengancam panitia pembangunan.',
        confidentiality: 'rahasia',
        reporter: { name: 'Yohanes Pratama', phone: '081311112222' },
        consent: true,
      },
    });
    expect(created.status).toBe(201);
    ({ id, trackingCode: code, accessToken: token } = created.body);
    await atStep2(id);
  });
  afterEach(async () => context?.close());

  /** Sign in as `who` in a fresh phone-sized browser and open the case. */
  async function openAs(who: TestStaff): Promise<void> {
    ({ context, page } = await phone());
    await signIn(page, who.email, `#kasus/${id}`);
    await page.waitForSelector('#actions-title');
  }

  async function act(action: string, fill: () => Promise<void>, expectStatus: string): Promise<void> {
    await openAction(page, action);
    await fill();
    await page.click(`#act-${action} button[type=submit]`);
    await page.waitForSelector('#case-notice .success, .error-summary');
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.textContent('#case-notice')).toContain(expectStatus);
    expect(jsErrors(page)).toEqual([]);
  }

  it('UPP forwards', async () => {
    await openAs(team.upp);
    await act('forward', async () => {
      await page.selectOption('#a-forward-category', 'kerukunan_umat_beragama');
      await page.fill('#a-forward-analysis', 'Menyangkut kerukunan umat beragama; perlu koordinasi dengan FKUB dan pemda.');
    }, 'Diverifikasi');
  });

  it('Sesdep validates (the identity of a confidential complaint is shown to the Sesdep)', async () => {
    await openAs(team.sesdep);
    expect(await page.textContent('#view')).toContain('Yohanes Pratama');
    await act('validate', async () => page.fill('#a-validate-note', 'Data lengkap.'), 'Diverifikasi');
  });

  it('Deputi disposes to an Asdep chosen from the staff list', async () => {
    await openAs(team.deputi);
    await openAction(page, 'dispose');
    await page.waitForSelector(`#a-dispose-asdepUid option[value="${team.asdep.uid}"]`, { state: 'attached' });
    await page.click('#act-dispose button[type=submit]');
    await page.waitForSelector('#act-dispose .error-summary');
    expect(await page.textContent('#a-dispose-instruction-error')).toContain('Wajib diisi.');
    await act('dispose', async () => {
      await page.selectOption('#a-dispose-asdepUid', team.asdep.uid);
      await page.fill('#a-dispose-instruction', 'Segera koordinasikan dengan FKUB dan pemerintah daerah.');
      await page.selectOption('#a-dispose-priority', 'segera');
    }, 'Didisposisi');
  });

  it('Asdep assigns Kabid/JF staff (the confidential identity is hidden from the Asdep)', async () => {
    await openAs(team.asdep);
    expect(await page.textContent('#view')).toContain('Identitas pelapor dirahasiakan');
    expect(await page.textContent('#view')).not.toContain('Yohanes Pratama');
    await openAction(page, 'assign');
    await page.waitForSelector(`#a-assign-staffUids input[value="${team.kabid.uid}"]`);
    await page.click('#act-assign button[type=submit]');
    await page.waitForSelector('#act-assign .error-summary');
    expect(await page.textContent('#a-assign-staffUids-error')).toContain('Pilih minimal 1 isian.');
    await shot(page, 'petugas-assign-errors');
    expect(await seriousViolations(page)).toEqual([]);
    await act('assign', async () => {
      await page.check(`#a-assign-staffUids input[value="${team.kabid.uid}"]`);
      await page.fill('#a-assign-instruction', 'Siapkan telaahan dan jadwalkan pembahasan.');
      await page.check('#a-assign-leadershipMeeting');
    }, 'Ditindaklanjuti');
  });

  it('Kabid submits the staff study with materials, one per line', async () => {
    await openAs(team.kabid);
    await act('submitStudy', async () => {
      await page.fill('#a-submitStudy-study', 'Telaahan: penolakan dipicu kesalahpahaman tentang izin; perlu mediasi oleh FKUB.');
      await page.fill('#a-submitStudy-materials', 'Salinan IMB\n\nKronologi dari panitia\n');
    }, 'Ditindaklanjuti');
    const study = (await admin().db.doc(`complaints/${id}`).get()).get('outputs.step6');
    expect(study.materials).toEqual(['Salinan IMB', 'Kronologi dari panitia']);
  });

  it('Kabid records the discussion with repeatable participant rows (errors point at the row)', async () => {
    await openAs(team.kabid);
    await openAction(page, 'recordDiscussion');
    await page.click('#act-recordDiscussion button:has-text("Tambah peserta")');
    await page.fill('#a-recordDiscussion-participants-0-name', 'Dr. Rudi Hartono');
    await page.fill('#a-recordDiscussion-participants-0-organization', 'Asdep Wawasan Kebangsaan');
    await page.fill('#a-recordDiscussion-participants-1-name', 'X');
    await page.fill('#a-recordDiscussion-results', 'Disepakati mediasi oleh FKUB bersama pemerintah kota dalam dua minggu.');
    await page.click('#act-recordDiscussion button[type=submit]');
    await page.waitForSelector('#act-recordDiscussion .error-summary');
    expect(await page.textContent('#a-recordDiscussion-participants-1-name-error')).toContain('Minimal 2 karakter.');
    expect(await page.textContent('#a-recordDiscussion-participants-1-organization-error')).toContain('Wajib diisi.');
    await shot(page, 'petugas-discussion-errors');
    expect(await seriousViolations(page)).toEqual([]);
    await act('recordDiscussion', async () => {
      await page.fill('#a-recordDiscussion-participants-1-name', 'Ahmad Fauzi');
      await page.fill('#a-recordDiscussion-participants-1-organization', 'FKUB Kota');
      await page.selectOption('#a-recordDiscussion-participants-1-kind', 'kl_terkait');
      await page.fill('#a-recordDiscussion-place', 'Ruang Rapat Kesbang');
    }, 'Ditindaklanjuti');
    const discussion = (await admin().db.doc(`complaints/${id}`).get()).get('outputs.step7');
    expect(discussion.participants).toHaveLength(2);
  });

  it('Kabid submits the draft report', async () => {
    await openAs(team.kabid);
    await act('submitDraft', async () => {
      await page.fill('#a-submitDraft-addressee', 'Kementerian Agama');
      await page.fill('#a-submitDraft-findings', 'Izin lengkap; penolakan berasal dari kelompok kecil yang terprovokasi.');
      await page.fill('#a-submitDraft-recommendation', 'Kemenag dan pemda memfasilitasi dialog dan menjamin keamanan pembangunan.');
    }, 'Dalam peninjauan');
  });

  it('Asdep returns the draft, the Kabid resubmits, the Asdep approves', async () => {
    await openAs(team.asdep);
    await act('return', async () => page.fill('#a-return-reason', 'Lengkapi dasar hukum dalam rekomendasi.'), 'Konsep laporan');
    await context.close();
    await openAs(team.kabid);
    await act('submitDraft', async () => {
      await page.fill('#a-submitDraft-addressee', 'Kementerian Agama');
      await page.fill('#a-submitDraft-findings', 'Izin lengkap; penolakan berasal dari kelompok kecil yang terprovokasi.');
      await page.fill('#a-submitDraft-recommendation', 'Berdasarkan PBM 2006, Kemenag dan pemda memfasilitasi dialog dan menjamin keamanan.');
    }, 'Dalam peninjauan');
    await context.close();
    await openAs(team.asdep);
    await act('approve', async () => page.fill('#a-approve-note', 'Setuju.'), 'Pemeriksaan oleh Deputi');
  });

  it('Deputi approves, the Menko approves: the reporter sees "Selesai"', async () => {
    await openAs(team.deputi);
    await act('approve', async () => undefined, 'Persetujuan Menko');
    await context.close();
    await openAs(team.menko);
    await act('approve', async () => undefined, 'Selesai');
    await shot(page, 'petugas-completed');
    await context.close();
    ({ context, page } = await phone());
    await page.goto(`${HOSTING}/lacak.html?kode=${code}#token=${token}`);
    await page.waitForSelector('#res-status');
    expect((await page.textContent('#res-status'))?.trim()).toBe('Selesai');
    await shot(page, 'lacak-selesai');
  });
});

describe('English', () => {
  it('the toggle switches labels, is remembered, and API errors come back in English', async () => {
    const { context, page } = await phone();
    await page.goto(`${HOSTING}/`);
    await page.click('#lang-toggle');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('label[for=f-subject]')).toBe('Subject');
    expect(await page.textContent('#f-submit')).toBe('Send complaint');
    expect(await page.textContent('#lang-toggle')).toBe('Bahasa Indonesia');
    expect(await page.textContent('#f-category option[value=konflik_sosial]')).toBe('Social conflict');
    await page.reload();
    expect(await page.textContent('label[for=f-subject]')).toBe('Subject');
    await page.fill('#f-subject', 'abc');
    await page.click('#f-submit');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('#f-subject-error')).toContain('At least 5 characters.');
    await shot(page, 'index-en');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${HOSTING}/lacak.html?lang=id`);
    expect(await page.textContent('label[for=t-code]')).toBe('Kode pelacakan');
    await page.goto(`${HOSTING}/petugas.html?lang=en`);
    expect(await page.textContent('#login-title')).toBe('Staff sign-in');
    await context.close();
  });
});

describe('404 and page weight', () => {
  it('unknown addresses get the 404 page', async () => {
    const { context, page } = await phone();
    const res = await page.goto(`${HOSTING}/tidak-ada`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Halaman tidak ditemukan');
    await shot(page, '404');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  // Budgets on the uncompressed bytes (the wire carries about a third with gzip/brotli).
  it.each([
    ['/', 64],
    ['/lacak.html', 48],
    ['/petugas.html', 96],
  ])('%s loads in at most 10 requests and under %i KB', async (path, kb) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${HOSTING}${path}`, { waitUntil: 'networkidle' });
    const weight = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const own = entries.filter((e) => !new URL(e.name).pathname.startsWith('/api/'));
      return { requests: own.length, decoded: own.reduce((n, e) => n + e.decodedBodySize, 0), hosts: [...new Set(own.map((e) => new URL(e.name).host))] };
    });
    expect(weight.hosts).toEqual([new URL(HOSTING).host]); // nothing from elsewhere (offline-safe)
    expect(weight.requests).toBeLessThanOrEqual(10);
    expect(weight.decoded).toBeGreaterThan(1000);
    expect(weight.decoded).toBeLessThan(kb * 1024);
    await context.close();
  });
});
