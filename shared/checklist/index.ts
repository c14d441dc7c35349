// The decision checklist, its recommendation, completeness check and follow-ups (domain §2.1).

export * from './questions';
export * from './rules';
export * from './recommend';
export * from './follow-ups';
export * from './complete';
