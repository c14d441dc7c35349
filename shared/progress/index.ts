// What has happened on a referral, and the clocks' view of it.

export * from './events';
export * from './check';
