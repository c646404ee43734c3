/** 404 page: only the language switch. */
import { initI18n } from './i18n.js';

initI18n({
  title: 'Page not found — Public Complaints, National Unity',
  h1: 'Page not found',
  p1: 'The address you opened does not exist or has moved. Please check it.',
  l1: 'Submit a complaint',
  l2: 'Track a complaint with its tracking code',
});
