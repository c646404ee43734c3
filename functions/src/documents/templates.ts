/**
 * Handlebars templates of the printable documents and of the HTML e-mails, as TypeScript string
 * constants (no .hbs files to copy next to the compiled JavaScript).
 *
 * Safety rules, kept by every template below:
 * - only double-stash `{{ }}` — Handlebars HTML-escapes every value; there is no triple-stash
 *   anywhere and `noEscape` is never set;
 * - the one way user text becomes markup is the `paragraphs` helper, which escapes first and
 *   then turns blank lines into paragraphs and newlines into `<br>`;
 * - templates are compiled with `strict: true`, so a misspelt field throws instead of printing
 *   nothing (the view models in render.ts / mail.ts give every field a value or null).
 *
 * Pure: no Firebase imports.
 */
import Handlebars from 'handlebars';
import type { DocumentKind } from '../workflow/sop';
import { formatHariTanggal, formatTanggal, formatTanggalWaktu, multilineHtml } from './format';

/** A private Handlebars environment: helpers and partials here do not leak into other code. */
const hb = Handlebars.create();

const asText = (value: unknown, helper: string): string => {
  if (typeof value !== 'string') throw new TypeError(`{{${helper}}} expects a string, got ${typeof value}`);
  return value;
};

hb.registerHelper('tanggal', (value: unknown) => formatTanggal(asText(value, 'tanggal')));
hb.registerHelper('hariTanggal', (value: unknown) => formatHariTanggal(asText(value, 'hariTanggal')));
hb.registerHelper('tanggalWaktu', (value: unknown) => formatTanggalWaktu(asText(value, 'tanggalWaktu')));
hb.registerHelper('paragraphs', (value: unknown) => new hb.SafeString(multilineHtml(asText(value, 'paragraphs'))));

// ---------------------------------------------------------------------------------------------
// Style: black on white; sans-serif for sheets, serif for the letter; A4 with 2 cm margins in
// print; a single narrow column that stays readable on a phone.
// ---------------------------------------------------------------------------------------------
const STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{background:#fff;color:#000;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#000;font-family:Arial,"Helvetica Neue",Helvetica,"Liberation Sans",sans-serif;font-size:11pt;line-height:1.45}
body.letter{font-family:"Bookman Old Style","Times New Roman","Liberation Serif","Noto Serif",Times,serif;font-size:12pt;line-height:1.5}
.page{position:relative;max-width:21cm;margin:0 auto;padding:1.25rem 1rem 2rem}
@media screen and (min-width:23cm){.page{margin:1.5rem auto;padding:2cm;border:1px solid #bbb}}
p{margin:0 0 .6em}
.text p:last-child{margin-bottom:0}
h1,h2,h3{font-weight:bold;margin:0}
a{color:#000}
.kop{text-align:center;border-bottom:3px double #000;padding-bottom:.35em;margin-bottom:1.1em}
.kop .org{font-weight:bold;font-size:1.05em;letter-spacing:.02em}
.kop .org .line{display:block}
.kop .unit{font-weight:bold;font-size:.95em;margin-top:.15em}
.kop .addr{font-size:.85em;margin-top:.2em}
body.letter .kop .org{font-size:1.2em;max-width:13cm;margin:0 auto;text-wrap:balance}
.classification{text-align:center;font-weight:bold;letter-spacing:.25em;margin:0 0 .6em}
.classification.bottom{margin:1.5em 0 0}
.doc-title{text-align:center;font-size:1.15em;text-transform:uppercase;letter-spacing:.03em;margin:.2em 0 .1em}
.doc-subtitle{text-align:center;margin:0 0 1em;font-size:.9em}
.badge{display:inline-block;border:2px solid #000;padding:.05em .6em;font-weight:bold;letter-spacing:.3em}
.center{text-align:center}
.watermark{position:fixed;top:38%;left:0;right:0;text-align:center;font-size:96pt;font-weight:bold;letter-spacing:.1em;color:rgba(0,0,0,.07);transform:rotate(-30deg);pointer-events:none;z-index:0;user-select:none}
.content{position:relative;z-index:1}
table{border-collapse:collapse;width:100%}
td,th{vertical-align:top;text-align:left;overflow-wrap:anywhere;word-break:normal}
table.fields{margin:0 0 1em}
table.fields th{font-weight:normal;width:30%;padding:.12em .4em .12em 0}
table.fields td.sep{width:1em;padding:.12em .3em .12em 0}
table.fields td{padding:.12em 0}
table.grid{margin:0 0 1em}
table.grid th,table.grid td{border:1px solid #000;padding:.35em .5em}
table.grid th[scope=row]{width:30%;font-weight:bold}
table.grid thead th{text-align:center;font-weight:bold}
table.grid tr.group th{background:#fff;font-weight:bold;font-style:italic}
table.grid td.no{width:2.5em;text-align:center}
.section{margin:1.1em 0 .5em;font-size:1em;text-transform:uppercase}
.sub{margin:.7em 0 .3em;font-size:1em}
.block{margin-left:1.6em}
ol,ul{margin:.2em 0 .6em;padding-left:1.6em}
li{margin:.1em 0}
.muted{font-style:italic}
.signatures{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:1.5em;margin-top:1.6em}
.signature{width:17em;max-width:100%;break-inside:avoid;page-break-inside:avoid}
.signature .space{height:4.5em}
.signature .name{font-weight:bold;text-decoration:underline}
.letter-date{text-align:right;margin:0 0 1em}
table.letter-meta{width:auto;margin:0 0 1.4em}
table.letter-meta th{font-weight:normal;padding:0 .6em 0 0;white-space:nowrap}
table.letter-meta td{padding:0 .3em 0 0}
.addressee{margin:0 0 1.4em}
.letter-body{text-align:justify}
.letter-body > p{text-indent:0}
.letter-body ol{padding-left:1.8em}
.letter-body ol > li{margin:.3em 0 .7em}
.tembusan{margin-top:2.2em;font-size:.92em}
.tembusan ol{margin-top:0}
.doc-footer{margin-top:2.2em;border-top:1px solid #000;padding-top:.3em;font-size:8.5pt;line-height:1.35}
@media (max-width:520px){body{font-size:10.5pt}body.letter{font-size:11pt}table.fields th,table.grid th[scope=row]{width:38%}.signatures{justify-content:flex-start}.watermark{font-size:56pt}}
@page{size:A4;margin:2cm}
@media print{
html,body{background:#fff}
.page{max-width:none;margin:0;padding:0;border:0}
a{text-decoration:none}
tr,li,.signature,.keep{break-inside:avoid;page-break-inside:avoid}
.section,.sub,h1,h2,h3{break-after:avoid;page-break-after:avoid}
thead{display:table-header-group}
.watermark{color:rgba(0,0,0,.08);-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

// ---------------------------------------------------------------------------------------------
// Partials shared by the documents.
// ---------------------------------------------------------------------------------------------

/** The page shell; each document is a `{{#> layout}}…{{/layout}}` block. */
const LAYOUT = `<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>{{title}}</title>
<style>{{> styles}}</style>
</head>
<body class="{{bodyClass}}">
<div class="page">
{{#if watermark}}<div class="watermark" aria-hidden="true">{{watermark}}</div>{{/if}}
<div class="content">
{{#if classification}}<p class="classification">{{classification}}</p>{{/if}}
{{> @partial-block}}
<footer class="doc-footer">{{docName}} &middot; {{trackingCode}} &middot; Versi {{version}} &middot; Dibuat {{tanggalWaktu generatedAt}}</footer>
{{#if classification}}<p class="classification bottom">{{classification}}</p>{{/if}}
</div>
</div>
</body>
</html>
`;

const KOP_SHEET = `<header class="kop">
<div class="org">KEMENTERIAN KOORDINATOR BIDANG POLITIK, HUKUM, DAN KEAMANAN <span class="line">REPUBLIK INDONESIA</span></div>
<div class="unit">DEPUTI BIDANG KOORDINASI KESATUAN BANGSA</div>
</header>`;

const KOP_LETTER = `<header class="kop">
<div class="org">KEMENTERIAN KOORDINATOR BIDANG POLITIK, HUKUM, DAN KEAMANAN REPUBLIK INDONESIA</div>
<div class="addr">Jl. Medan Merdeka Barat No. 15, Jakarta 10110</div>
</header>`;

/** `{{> field label="…" value=…}}`: one row of a label/colon/value table. */
const FIELD = `<tr><th scope="row">{{label}}</th><td class="sep">:</td><td>{{value}}</td></tr>`;
/** `{{> fieldText label="…" value=…}}`: the same with multi-paragraph user text. */
const FIELD_TEXT = `<tr><th scope="row">{{label}}</th><td class="sep">:</td><td class="text">{{paragraphs value}}</td></tr>`;
/** `{{> signature title="…" name=… date=…}}`; `date` may be null. */
const SIGNATURE = `<div class="signature">
{{#if date}}<div>{{tanggal date}}</div>{{/if}}
<div>{{title}}</div>
<div class="space"></div>
<div class="name">{{name}}</div>
</div>`;

hb.registerPartial('styles', STYLES);
hb.registerPartial('layout', LAYOUT);
hb.registerPartial('kopSheet', KOP_SHEET);
hb.registerPartial('kopLetter', KOP_LETTER);
hb.registerPartial('field', FIELD);
hb.registerPartial('fieldText', FIELD_TEXT);
hb.registerPartial('signature', SIGNATURE);

// ---------------------------------------------------------------------------------------------
// Documents. Each template's context is the view model built by render.ts for that kind.
// ---------------------------------------------------------------------------------------------

const TANDA_TERIMA = `{{#> layout}}
{{> kopSheet}}
<h1 class="doc-title">Tanda Terima Pengaduan Masyarakat</h1>
<p class="doc-subtitle">Versi {{version}}</p>
<table class="fields">
{{> field label="Kode Pelacakan" value=complaint.trackingCode}}
{{> field label="Tanggal Diterima" value=(tanggalWaktu complaint.submittedAt)}}
{{> field label="Perihal" value=complaint.subject}}
{{> field label="Saluran Pengaduan" value=complaint.channelLabel}}
{{#if complaint.categoryLabel}}{{> field label="Kategori" value=complaint.categoryLabel}}{{/if}}
{{#if complaint.location}}{{> field label="Lokasi Kejadian" value=complaint.location}}{{/if}}
{{#if complaint.incidentDate}}{{> field label="Tanggal Kejadian" value=(tanggal complaint.incidentDate)}}{{/if}}
{{> field label="Sifat Pengaduan" value=complaint.confidentialityLabel}}
{{#if reporterName}}{{> field label="Nama Pelapor" value=reporterName}}{{/if}}
</table>
<div class="text">
<p>Pengaduan tersebut di atas telah diterima oleh Unit Pelayanan Publik (UPP) Deputi Bidang Koordinasi Kesatuan Bangsa, Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan, dan akan ditangani sesuai dengan Standar Operasional Prosedur Penanganan Pengaduan Masyarakat.</p>
<p>Simpan kode pelacakan <strong>{{complaint.trackingCode}}</strong>. Status penanganan pengaduan dapat diikuti sewaktu-waktu pada halaman Lacak Pengaduan{{#if trackUrl}} (<a href="{{trackUrl}}">{{trackUrl}}</a>){{/if}} dengan memasukkan kode pelacakan tersebut; setiap perubahan status juga diberitahukan melalui e-mail apabila Anda mencantumkan alamat e-mail.</p>
{{#if isConfidential}}<p>Sesuai pilihan Anda, identitas pelapor dijaga kerahasiaannya dan tidak dicantumkan dalam dokumen penanganan.</p>{{/if}}
<p class="muted">Tanda terima ini diterbitkan secara elektronik oleh sistem dan sah tanpa tanda tangan.</p>
</div>
{{/layout}}`;

const LEMBAR_DISPOSISI = `{{#> layout}}
{{> kopSheet}}
<h1 class="doc-title">Lembar Disposisi</h1>
<p class="doc-subtitle">Versi {{version}}</p>
<table class="grid">
<tbody>
<tr><th scope="row">Nomor Agenda</th><td>{{complaint.trackingCode}}</td></tr>
<tr><th scope="row">Tanggal Terima</th><td>{{tanggalWaktu complaint.submittedAt}}</td></tr>
<tr><th scope="row">Sifat</th><td>{{dispose.priorityLabel}}</td></tr>
<tr><th scope="row">Kerahasiaan</th><td>{{complaint.confidentialityLabel}}</td></tr>
<tr><th scope="row">Asal</th><td>Pengaduan masyarakat &ndash; {{complaint.channelLabel}}</td></tr>
<tr><th scope="row">Perihal</th><td>{{complaint.subject}}</td></tr>
{{#if categoryLabel}}<tr><th scope="row">Kategori</th><td>{{categoryLabel}}</td></tr>{{/if}}
{{#if validateNote}}<tr><th scope="row">Catatan Sekretaris Deputi</th><td class="text">{{paragraphs validateNote}}</td></tr>{{/if}}
<tr><th scope="row">Diteruskan kepada</th><td><div><strong>{{dispose.asdepUnit}}</strong></div><div>{{dispose.asdepName}}</div></td></tr>
<tr><th scope="row">Isi Disposisi</th><td class="text">{{paragraphs dispose.instruction}}</td></tr>
</tbody>
</table>
<div class="signatures">
{{> signature title="Deputi Bidang Koordinasi Kesatuan Bangsa," name=dispose.by date=dispose.at}}
</div>
{{#if assign}}
<h2 class="section">Disposisi Asisten Deputi</h2>
<table class="grid">
<tbody>
<tr><th scope="row">Dari</th><td>{{dispose.asdepUnit}}</td></tr>
<tr><th scope="row">Tanggal</th><td>{{tanggalWaktu assign.at}}</td></tr>
<tr><th scope="row">Diteruskan kepada (Kabid/JF)</th><td><ol>{{#each assign.staffNames}}<li>{{this}}</li>{{/each}}</ol></td></tr>
<tr><th scope="row">Isi Disposisi</th><td class="text">{{paragraphs assign.instruction}}</td></tr>
<tr><th scope="row">Rapat Internal Staf Pimpinan</th><td>{{#if assign.leadershipMeeting}}Diajukan &ndash; mohon dijadwalkan rapat internal staf pimpinan Sesmenko Polhukam{{else}}Tidak diajukan{{/if}}</td></tr>
</tbody>
</table>
<div class="signatures">
{{> signature title=asdepSignatureTitle name=assign.by date=assign.at}}
</div>
{{/if}}
{{/layout}}`;

const TELAAHAN_STAF = `{{#> layout}}
{{> kopSheet}}
<h1 class="doc-title">Telaahan Staf</h1>
<p class="doc-subtitle">Versi {{version}}</p>
<table class="fields">
{{> field label="Kepada" value=kepada}}
{{> field label="Dari" value=study.by}}
{{> field label="Tanggal" value=(tanggal study.at)}}
{{> field label="Perihal" value=perihal}}
</table>
<h2 class="section">I. Persoalan</h2>
<div class="block text">
<p>Pengaduan masyarakat dengan kode pelacakan {{complaint.trackingCode}} yang diterima pada {{tanggal complaint.submittedAt}} melalui saluran {{complaint.channelLabel}} perihal &ldquo;{{complaint.subject}}&rdquo;{{#if categoryLabel}} (kategori: {{categoryLabel}}){{/if}}.</p>
{{#if complaint.location}}<p>Lokasi kejadian: {{complaint.location}}{{#if complaint.incidentDate}}; tanggal kejadian: {{tanggal complaint.incidentDate}}{{/if}}.</p>{{else}}{{#if complaint.incidentDate}}<p>Tanggal kejadian: {{tanggal complaint.incidentDate}}.</p>{{/if}}{{/if}}
<h3 class="sub">Pokok pengaduan</h3>
{{paragraphs complaint.description}}
</div>
<h2 class="section">II. Praanggapan dan Fakta-fakta</h2>
<div class="block text">
{{#if hasDirections}}
<h3 class="sub">A. Arahan pimpinan</h3>
{{#if dispose}}<p><em>Deputi Bidang Koordinasi Kesatuan Bangsa ({{tanggal dispose.at}}):</em></p>{{paragraphs dispose.instruction}}{{/if}}
{{#if assign}}<p><em>{{assign.byTitle}} ({{tanggal assign.at}}):</em></p>{{paragraphs assign.instruction}}{{/if}}
<h3 class="sub">B. Fakta-fakta</h3>
{{/if}}
{{paragraphs study.study}}
</div>
<h2 class="section">III. Analisis</h2>
<div class="block text">
{{#if forward}}<h3 class="sub">Analisis awal Unit Pelayanan Publik</h3>{{paragraphs forward.analysis}}{{/if}}
{{#if study.coordination}}<h3 class="sub">Hasil koordinasi</h3>{{paragraphs study.coordination}}{{/if}}
{{#unless hasAnalysis}}<p>Sebagaimana diuraikan pada angka II.</p>{{/unless}}
</div>
<h2 class="section">IV. Kesimpulan dan Saran</h2>
<div class="block text">
<p>Berdasarkan telaahan tersebut di atas, pengaduan ini perlu ditindaklanjuti dengan pembahasan bersama unit organisasi internal dan/atau kementerian/lembaga terkait guna merumuskan rekomendasi penanganan.</p>
{{#if leadershipMeeting}}<p>Sesuai disposisi Asisten Deputi, diusulkan agar dilaksanakan rapat internal staf pimpinan Sesmenko Polhukam.</p>{{/if}}
<p>Demikian telaahan staf ini disampaikan sebagai bahan pertimbangan, dan mohon arahan lebih lanjut.</p>
</div>
<h2 class="section">Bahan-bahan</h2>
<div class="block">
{{#if study.materials.length}}<ol>{{#each study.materials}}<li>{{this}}</li>{{/each}}</ol>{{else}}<p>Tidak ada.</p>{{/if}}
</div>
<div class="signatures">
{{> signature title="Yang menelaah," name=study.by date=study.at}}
</div>
{{/layout}}`;

const HASIL_PEMBAHASAN = `{{#> layout}}
{{> kopSheet}}
<h1 class="doc-title">Hasil Pembahasan Penanganan Pengaduan Masyarakat</h1>
<p class="doc-subtitle">Versi {{version}}</p>
<table class="fields">
{{> field label="Nomor Pengaduan" value=complaint.trackingCode}}
{{> field label="Perihal" value=complaint.subject}}
{{#if categoryLabel}}{{> field label="Kategori" value=categoryLabel}}{{/if}}
{{> field label="Hari/Tanggal" value=(hariTanggal discussion.heldOn)}}
{{> field label="Tempat" value=place}}
</table>
<h2 class="section">A. Peserta</h2>
<table class="grid">
<thead><tr><th scope="col">No.</th><th scope="col">Nama</th><th scope="col">Instansi/Unit Kerja</th></tr></thead>
<tbody>
{{#each participantGroups}}
<tr class="group"><th colspan="3" scope="rowgroup">{{label}}</th></tr>
{{#each people}}<tr><td class="no">{{no}}</td><td>{{name}}</td><td>{{organization}}</td></tr>
{{/each}}
{{/each}}
</tbody>
</table>
<h2 class="section">B. Hasil Pembahasan</h2>
<div class="block text">{{paragraphs discussion.results}}</div>
{{#if discussion.recommendation}}
<h2 class="section">C. Rumusan Rekomendasi</h2>
<div class="block text">{{paragraphs discussion.recommendation}}</div>
{{/if}}
<div class="signatures">
{{> signature title="Penyusun," name=discussion.by date=discussion.at}}
</div>
{{/layout}}`;

const KONSEP_LAPORAN = `{{#> layout}}
{{> kopSheet}}
<p class="center"><span class="badge">KONSEP</span></p>
<h1 class="doc-title">Laporan Hasil Penanganan Pengaduan Masyarakat</h1>
<p class="doc-subtitle">Versi {{version}}</p>
<table class="fields">
{{> field label="Nomor Pengaduan" value=complaint.trackingCode}}
{{> field label="Perihal" value=complaint.subject}}
{{#if categoryLabel}}{{> field label="Kategori" value=categoryLabel}}{{/if}}
{{> field label="Tanggal Pengaduan" value=(tanggal complaint.submittedAt)}}
{{> field label="Rekomendasi ditujukan kepada" value=draft.addressee}}
{{> field label="Konseptor" value=draft.by}}
{{> field label="Tanggal Konsep" value=(tanggalWaktu draft.at)}}
</table>
<h2 class="section">A. Pokok Pengaduan</h2>
<div class="block text">{{paragraphs complaint.description}}</div>
<h2 class="section">B. Temuan</h2>
<div class="block text">{{paragraphs draft.findings}}</div>
<h2 class="section">C. Rekomendasi</h2>
<div class="block text">{{paragraphs draft.recommendation}}</div>
<h2 class="section">D. Jejak Persetujuan</h2>
<table class="grid">
<thead><tr><th scope="col">Tahap</th><th scope="col">Nama</th><th scope="col">Status</th><th scope="col">Catatan</th></tr></thead>
<tbody>
{{#each approvalRows}}<tr><td>{{stage}}</td><td>{{#if name}}{{name}}{{else}}&ndash;{{/if}}</td><td>{{#if at}}Disetujui, {{tanggalWaktu at}}{{else}}Menunggu{{/if}}</td><td class="text">{{#if note}}{{paragraphs note}}{{else}}&ndash;{{/if}}</td></tr>
{{/each}}
</tbody>
</table>
{{#if returns.length}}
<h2 class="section">E. Catatan Pengembalian</h2>
<table class="grid">
<thead><tr><th scope="col">Tanggal</th><th scope="col">Dikembalikan oleh</th><th scope="col">Alasan</th></tr></thead>
<tbody>
{{#each returns}}<tr><td>{{tanggalWaktu at}}</td><td>{{by}}</td><td class="text">{{paragraphs reason}}</td></tr>
{{/each}}
</tbody>
</table>
{{/if}}
{{/layout}}`;

const SURAT_REKOMENDASI = `{{#> layout}}
{{> kopLetter}}
<p class="letter-date">{{letterPlace}}, {{tanggal letter.date}}</p>
<table class="letter-meta">
<tr><th scope="row">Nomor</th><td>:</td><td>{{letter.number}}</td></tr>
<tr><th scope="row">Sifat</th><td>:</td><td>{{sifat}}</td></tr>
<tr><th scope="row">Lampiran</th><td>:</td><td>{{lampiran}}</td></tr>
<tr><th scope="row">Hal</th><td>:</td><td>Rekomendasi Penanganan Pengaduan Masyarakat</td></tr>
</table>
<div class="addressee">
<div>Yth. {{letter.addressee}}</div>
<div>di {{addresseeLocation}}</div>
</div>
<div class="letter-body text">
<p>Menindaklanjuti pengaduan masyarakat yang diterima oleh Unit Pelayanan Publik Deputi Bidang Koordinasi Kesatuan Bangsa pada tanggal {{tanggal complaint.submittedAt}} dengan kode pelacakan {{complaint.trackingCode}} perihal &ldquo;{{complaint.subject}}&rdquo;, bersama ini disampaikan hal-hal sebagai berikut:</p>
<ol>
<li><p>Berdasarkan hasil penelaahan dan pembahasan bersama unit organisasi dan kementerian/lembaga terkait, diperoleh temuan sebagai berikut:</p>{{paragraphs draft.findings}}</li>
<li><p>Sehubungan dengan hal tersebut, direkomendasikan kepada Saudara hal-hal sebagai berikut:</p>{{paragraphs draft.recommendation}}</li>
</ol>
<p>Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.</p>
</div>
<div class="signatures">
{{> signature title="Menteri Koordinator Bidang Politik, Hukum, dan Keamanan," name=signatory date=null}}
</div>
<div class="tembusan">
<div>Tembusan:</div>
<ol>{{#each tembusan}}<li>{{this}}</li>{{/each}}</ol>
</div>
{{/layout}}`;

export type Template = Handlebars.TemplateDelegate<object>;

const compile = (source: string): Template => hb.compile<object>(source, { strict: true });

export const DOCUMENT_TEMPLATES: Record<DocumentKind, Template> = {
  tanda_terima: compile(TANDA_TERIMA),
  lembar_disposisi: compile(LEMBAR_DISPOSISI),
  telaahan_staf: compile(TELAAHAN_STAF),
  hasil_pembahasan: compile(HASIL_PEMBAHASAN),
  konsep_laporan: compile(KONSEP_LAPORAN),
  surat_rekomendasi: compile(SURAT_REKOMENDASI),
};

// ---------------------------------------------------------------------------------------------
// E-mail (HTML part). E-mail clients drop <style> blocks, so styles are inline; a table
// layout, black on white, 600 px wide at most. The context is the MailView built by mail.ts.
// ---------------------------------------------------------------------------------------------

const MAIL = `<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:#000000;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#000000;">
<tr><td style="border-bottom:3px double #000000;padding:0 0 8px 0;font-size:12px;font-weight:bold;letter-spacing:0.02em;">{{header}}</td></tr>
<tr><td style="padding:16px 0 0 0;">
<h1 style="font-size:19px;line-height:1.3;margin:0 0 12px 0;">{{heading}}</h1>
<p style="margin:0 0 12px 0;">{{greeting}}</p>
{{#each intro}}<p style="margin:0 0 12px 0;">{{this}}</p>{{/each}}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:4px 0 16px 0;">
{{#each fields}}<tr><th scope="row" align="left" valign="top" style="border:1px solid #000000;padding:6px 8px;width:38%;font-weight:bold;">{{label}}</th><td valign="top" style="border:1px solid #000000;padding:6px 8px;">{{value}}</td></tr>
{{/each}}
</table>
{{#each blocks}}<h2 style="font-size:16px;margin:16px 0 6px 0;">{{heading}}</h2><div style="border-left:3px solid #000000;padding:2px 0 2px 12px;margin:0 0 12px 0;">{{paragraphs text}}</div>
{{/each}}
{{#if action}}<p style="margin:16px 0;"><a href="{{action.url}}" style="display:inline-block;border:2px solid #000000;padding:8px 16px;color:#000000;font-weight:bold;text-decoration:none;">{{action.label}}</a></p>
<p style="margin:0 0 12px 0;font-size:13px;">{{action.hint}} <a href="{{action.url}}" style="color:#000000;word-break:break-all;">{{action.url}}</a></p>{{/if}}
{{#each closing}}<p style="margin:0 0 12px 0;">{{this}}</p>{{/each}}
</td></tr>
<tr><td style="border-top:1px solid #000000;padding:8px 0 0 0;font-size:12px;color:#000000;">
{{#each footer}}<p style="margin:0 0 6px 0;">{{this}}</p>{{/each}}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

export const MAIL_TEMPLATE: Template = compile(MAIL);
