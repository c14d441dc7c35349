// Strategy discussions as pure rules (domain §2.4): vocabulary, schemas, required roles.
export * from './types';
export * from './schemas';
export * from './minutes';
export * from './roles';
