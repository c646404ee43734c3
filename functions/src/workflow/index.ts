export * from './roles';
export * from './sop';
export * from './status';
export * from './categories';
export * from './transition';
export * from './visibility';
