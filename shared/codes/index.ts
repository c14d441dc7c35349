// CIN census code lists with labels and validity years (domain §3).

export * from './collection-year';
export * from './code-list';
export * from './referral-source';
export * from './assessment-factors';
export * from './other-codes';
