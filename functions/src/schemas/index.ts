export * from './i18n';
export * from './complaint';
export * from './actions';
export * from './calendar';
