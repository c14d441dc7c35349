// Public surface of shared/validation: formats (domain §5), zod schemas shared by the forms and
// the IPC layer, and the error-map helper.

export * from './formats';
export * from './fields';
export * from './child';
export * from './household';
export * from './referrer';
export * from './consent';
export * from './referral';
export * from './errors';
export * from './decision';
export * from './typed-dates';
export * from './form-codecs';
