/**
 * Parts shared by the public form (prefix `f-`) and the UPP's record form (prefix `c-`):
 * the category options, the confidentiality switch (anonim hides the identity fields and
 * leaves them out of the request) and the request body.
 */
import { pick } from './i18n.js';
import { CATEGORIES } from './labels.js';
import { val, compact } from './form.js';

/** (Re)fill a category select, keeping its first (empty) option and the choice. */
export function fillCategories(select, emptyText) {
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  if (emptyText) select.options[0].textContent = emptyText;
  for (const [value, label] of Object.entries(CATEGORIES)) select.add(new Option(pick(label), value));
  select.value = keep;
}

export const confidentialityOf = (prefix) =>
  document.querySelector(`#${prefix}confidentiality input:checked`)?.value || 'biasa';

/** Hide the identity fieldset while "anonim" is chosen. */
export function wireConfidentiality(prefix, note) {
  const group = document.getElementById(`${prefix}confidentiality`);
  const update = () => {
    const anon = confidentialityOf(prefix) === 'anonim';
    document.getElementById(`${prefix}reporter`).hidden = anon;
    if (note) note.hidden = !anon;
  };
  group.addEventListener('change', update);
  update();
}

/** The submission fields (without consent / channel). */
export function collectSubmission(prefix) {
  const confidentiality = confidentialityOf(prefix);
  const body = compact({
    subject: val(`${prefix}subject`),
    description: val(`${prefix}description`),
    category: val(`${prefix}category`),
    location: val(`${prefix}location`),
    incidentDate: val(`${prefix}incidentDate`),
    confidentiality,
    lang: val(`${prefix}lang`) || 'id',
  });
  if (confidentiality !== 'anonim') {
    // Sent even when empty, so that each missing field is named by the API.
    body.reporter = compact({
      name: val(`${prefix}reporter-name`),
      nik: val(`${prefix}reporter-nik`)?.replace(/\s+/g, ''),
      email: val(`${prefix}reporter-email`),
      phone: val(`${prefix}reporter-phone`),
      address: val(`${prefix}reporter-address`),
    });
  }
  return body;
}

