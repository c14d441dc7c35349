// CIN census code lists with labels and validity years (CIN census business and technical
// specification; children in need census guide).

export * from './collection-year';
export * from './code-list';
export * from './referral-source';
export * from './assessment-factors';
export * from './sex';
export * from './other-codes';
