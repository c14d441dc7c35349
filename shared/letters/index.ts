// Referrer letters (issue 13): pure rules and wording. See types.ts for the shapes.
export * from './types';
export * from './address';
export * from './variant';
export * from './outcome';
export * from './facts';
export * from './templates';
